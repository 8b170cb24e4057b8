import { useMemo } from 'react';
import { useLanguage } from '../i18n/I18nProvider';
import { format, type Language, type MessageParams } from '../i18n/language';

/**
 * Texts of intake, the knowledge base and agent routing screens, in both languages. Kept beside the feature
 * (not in the shared dictionaries); zh-CN must have exactly the English keys (checked at compile time).
 */
const en = {
  'intake.title': 'About your setup (optional)',
  'intake.module': 'Product module',
  'intake.version': 'Version',
  'intake.environment': 'Operating system / browser',
  'intake.steps': 'Steps to reproduce',
  'intake.faultType': 'Fault type',
  'intake.snapshot': 'Problem snapshot',
  'intake.none': 'The customer gave no details.',

  'suggest.title': 'These articles may answer your question',
  'suggest.show': 'Show solution',
  'suggest.hide': 'Hide solution',
  'suggest.loading': 'Loading…',
  'suggest.solved': 'This solved my problem',
  'suggest.thanks': 'Glad it helped! No ticket needed. If the problem comes back, you can still open one.',
  'suggest.newTicket': 'Open a ticket anyway',

  'kb.nav': 'Knowledge',
  'kb.title': 'Knowledge base',
  'kb.search': 'Search articles',
  'kb.new': 'New article',
  'kb.edit': 'Edit',
  'kb.empty': 'No articles.',
  'kb.field.title': 'Title',
  'kb.field.module': 'Product module',
  'kb.field.faultType': 'Fault type',
  'kb.field.symptoms': 'Symptoms',
  'kb.field.cause': 'Cause',
  'kb.field.solution': 'Solution steps',
  'kb.field.status': 'Status',
  'kb.status.DRAFT': 'Draft',
  'kb.status.PUBLISHED': 'Published',
  'kb.save': 'Save',
  'kb.cancel': 'Cancel',
  'kb.saved': 'Article saved.',
  'kb.score': 'match {n}%',
  'kb.tasks': 'My knowledge tasks',
  'kb.tasks.all': 'Knowledge tasks',
  'kb.tasks.none': 'No open knowledge tasks.',
  'kb.tasks.due': 'due {time}',
  'kb.tasks.overdue': 'Overdue',
  'kb.tasks.dismiss': 'Dismiss',
  'kb.suggestions': 'Suggested articles',
  'kb.suggestions.none': 'No matching articles.',
  'kb.link': 'Link',
  'kb.linked': 'Linked',
  'kb.similar': 'Similar tickets',
  'kb.similar.none': 'No similar tickets.',
  'kb.similar.solved': 'solved',

  'agents.nav': 'Agents',
  'agents.title': 'Agents',
  'agents.status': 'My status',
  'agents.status.AVAILABLE': 'Available',
  'agents.status.BUSY': 'Busy',
  'agents.status.AWAY': 'Away',
  'agents.status.OFFLINE': 'Offline',
  'agents.name': 'Agent',
  'agents.state': 'Status',
  'agents.skills': 'Skills',
  'agents.skillsHint': 'comma separated',
  'agents.tier': 'Tier',
  'agents.capacity': 'Capacity',
  'agents.load': 'Load',
  'agents.save': 'Save',
  'agents.saved': 'Profile saved.',
} as const satisfies Record<string, string>;

export type KbTextKey = keyof typeof en;

const zhCN: Record<KbTextKey, string> = {
  'intake.title': '您的环境（可选）',
  'intake.module': '产品模块',
  'intake.version': '版本',
  'intake.environment': '操作系统 / 浏览器',
  'intake.steps': '重现步骤',
  'intake.faultType': '故障类型',
  'intake.snapshot': '问题概览',
  'intake.none': '客户未提供详细信息。',

  'suggest.title': '以下文章也许能解答您的问题',
  'suggest.show': '查看解决方法',
  'suggest.hide': '收起解决方法',
  'suggest.loading': '加载中…',
  'suggest.solved': '这解决了我的问题',
  'suggest.thanks': '很高兴帮到您！无需提交工单。如果问题再次出现，您仍可提交工单。',
  'suggest.newTicket': '仍要提交工单',

  'kb.nav': '知识库',
  'kb.title': '知识库',
  'kb.search': '搜索文章',
  'kb.new': '新建文章',
  'kb.edit': '编辑',
  'kb.empty': '没有文章。',
  'kb.field.title': '标题',
  'kb.field.module': '产品模块',
  'kb.field.faultType': '故障类型',
  'kb.field.symptoms': '症状',
  'kb.field.cause': '原因',
  'kb.field.solution': '解决步骤',
  'kb.field.status': '状态',
  'kb.status.DRAFT': '草稿',
  'kb.status.PUBLISHED': '已发布',
  'kb.save': '保存',
  'kb.cancel': '取消',
  'kb.saved': '文章已保存。',
  'kb.score': '匹配度 {n}%',
  'kb.tasks': '我的知识任务',
  'kb.tasks.all': '知识任务',
  'kb.tasks.none': '没有待办的知识任务。',
  'kb.tasks.due': '截止 {time}',
  'kb.tasks.overdue': '已逾期',
  'kb.tasks.dismiss': '忽略',
  'kb.suggestions': '推荐文章',
  'kb.suggestions.none': '没有匹配的文章。',
  'kb.link': '关联',
  'kb.linked': '已关联',
  'kb.similar': '相似工单',
  'kb.similar.none': '没有相似工单。',
  'kb.similar.solved': '已解决',

  'agents.nav': '坐席',
  'agents.title': '坐席',
  'agents.status': '我的状态',
  'agents.status.AVAILABLE': '空闲',
  'agents.status.BUSY': '忙碌',
  'agents.status.AWAY': '离开',
  'agents.status.OFFLINE': '离线',
  'agents.name': '坐席',
  'agents.state': '状态',
  'agents.skills': '技能',
  'agents.skillsHint': '用逗号分隔',
  'agents.tier': '级别',
  'agents.capacity': '容量',
  'agents.load': '负载',
  'agents.save': '保存',
  'agents.saved': '资料已保存。',
};

const dictionaries: Record<Language, Record<KbTextKey, string>> = { en, 'zh-CN': zhCN };

export type KbTexts = (key: KbTextKey, params?: MessageParams) => string;

export function kbTextsFor(language: Language): KbTexts {
  const dictionary = dictionaries[language];
  return (key, params) => format(dictionary[key] ?? en[key], params);
}

/** The feature texts in the page's current language. */
export function useKbTexts(): KbTexts {
  const [language] = useLanguage();
  return useMemo(() => kbTextsFor(language), [language]);
}
