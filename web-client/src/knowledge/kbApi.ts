import type { ApiClient, CallOptions } from '../api/client';
import { queryString } from '../api/client';
import type { PersonRef } from '../api/types';

export type ArticleStatus = 'DRAFT' | 'PUBLISHED';

export interface Article {
  id: string;
  title: string;
  module: string | null;
  faultType: string | null;
  symptoms: string | null;
  cause: string | null;
  solution: string | null;
  status: ArticleStatus;
  author?: PersonRef | null;
  editor?: PersonRef | null;
  createdAt?: string;
  updatedAt?: string;
  publishedAt?: string | null;
  version: number;
}

export interface ArticleDraft {
  title: string;
  module: string;
  faultType: string;
  symptoms: string;
  cause: string;
  solution: string;
  status: ArticleStatus;
  sourceTicketId?: string;
}

export interface SearchHit {
  id: string;
  title: string;
  snippet: string;
  score: number;
  status: ArticleStatus;
  module: string | null;
  faultType: string | null;
}

export interface KbLink {
  ticketId: string;
  articleId: string;
  title: string;
  linkedAt: string;
}

export interface SimilarTicket {
  id: string;
  number: number;
  subject: string;
  status: string;
  solved: boolean;
  score: number;
  articleIds: string[];
}

export interface KnowledgeTask {
  id: string;
  ticket: { id: string; number: number; subject: string };
  assignee: PersonRef | null;
  createdAt: string;
  dueAt: string;
  doneAt: string | null;
  articleId: string | null;
  overdue: boolean;
}

export type AgentStatus = 'AVAILABLE' | 'BUSY' | 'AWAY' | 'OFFLINE';
export const AGENT_STATUSES: readonly AgentStatus[] = ['AVAILABLE', 'BUSY', 'AWAY', 'OFFLINE'];

export interface AgentView {
  id: string;
  displayName: string;
  role: string;
  status: AgentStatus;
  connected: boolean;
  skills: string[];
  tier: number;
  capacity: number;
  load: number;
}

export interface AgentProfile {
  skills: string[];
  tier: number;
  capacity: number;
}

/** A keyword rule of ticket triage (README "Routing and knowledge"); the server keeps them as one ordered list. */
export interface TriageRule {
  keywords: string[];
  tags: string[];
  module: string | null;
  faultType: string | null;
}

/** `GET /api/kb/stats` (supervisors): since `from` (30 days by default); `adoptionRate` is null without solved tickets. */
export interface KbStats {
  from: string;
  deflections: number;
  solvedTickets: number;
  solvedWithArticle: number;
  adoptionRate: number | null;
  openTasks: number;
  overdueTasks: number;
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const ticketPath = (id: string) => `/api/tickets/${encodeURIComponent(id)}`;
const articlePath = (id: string) => `/api/kb/articles/${encodeURIComponent(id)}`;

/** Typed calls of the knowledge base and routing APIs (README "Routing and knowledge"). */
export const kbApi = {
  async search(api: ApiClient, q: string, limit = 5, options?: CallOptions): Promise<SearchHit[]> {
    return list<SearchHit>(await api.call('GET', `/api/kb/search${queryString({ q: q.trim(), limit })}`, undefined, options));
  },
  async articles(api: ApiClient, module?: string): Promise<Article[]> {
    return list<Article>(await api.call('GET', `/api/kb/articles${queryString({ module })}`));
  },
  article: (api: ApiClient, id: string, options?: CallOptions) => api.call<Article>('GET', articlePath(id), undefined, options),
  createArticle: (api: ApiClient, draft: ArticleDraft) => api.call<Article>('POST', '/api/kb/articles', draft),
  updateArticle: (api: ApiClient, id: string, draft: ArticleDraft) => api.call<Article>('PUT', articlePath(id), draft),
  deflect: (api: ApiClient, articleId: string, query: string) =>
    api.call<{ articleId: string; counted: boolean }>('POST', '/api/kb/deflections', { articleId, query }),
  async links(api: ApiClient, ticketId: string): Promise<KbLink[]> {
    return list<KbLink>(await api.call('GET', `${ticketPath(ticketId)}/kb-links`));
  },
  link: (api: ApiClient, ticketId: string, articleId: string) => api.call<KbLink>('POST', `${ticketPath(ticketId)}/kb-links`, { articleId }),
  async similar(api: ApiClient, ticketId: string): Promise<SimilarTicket[]> {
    return list<SimilarTicket>(await api.call('GET', `${ticketPath(ticketId)}/similar`));
  },
  async tasks(api: ApiClient, mine: boolean): Promise<KnowledgeTask[]> {
    return list<KnowledgeTask>(await api.call('GET', `/api/kb/tasks${queryString({ assignee: mine ? 'me' : undefined })}`));
  },
  dismissTask: (api: ApiClient, id: string) => api.call<KnowledgeTask>('POST', `/api/kb/tasks/${encodeURIComponent(id)}/dismiss`),
  async agents(api: ApiClient): Promise<AgentView[]> {
    return list<AgentView>(await api.call('GET', '/api/agents'));
  },
  setMyStatus: (api: ApiClient, status: AgentStatus) => api.call<unknown>('PUT', '/api/agents/me/status', { status }),
  setProfile: (api: ApiClient, id: string, profile: AgentProfile) =>
    api.call<unknown>('PUT', `/api/agents/${encodeURIComponent(id)}/profile`, profile),
  async triageRules(api: ApiClient): Promise<TriageRule[]> {
    return list<TriageRule>(await api.call('GET', '/api/triage/rules'));
  },
  async saveTriageRules(api: ApiClient, rules: TriageRule[]): Promise<TriageRule[]> {
    return list<TriageRule>(await api.call('PUT', '/api/triage/rules', rules));
  },
  stats: (api: ApiClient) => api.call<KbStats>('GET', '/api/kb/stats'),
};

/** Similar tickets with the solved ones first (the server sends them so; kept stable if it did not). */
export function solvedFirst(tickets: readonly SimilarTicket[]): SimilarTicket[] {
  return tickets
    .map((ticket, index) => ({ ticket, index }))
    .sort((a, b) => Number(b.ticket.solved) - Number(a.ticket.solved) || a.index - b.index)
    .map(({ ticket }) => ticket);
}

/** "a, b ,, c" -> ["a", "b", "c"] (an ideographic comma or 、 splits too). */
export function parseSkills(text: string): string[] {
  return [...new Set(text.split(/[,，、]/).map((skill) => skill.trim()).filter(Boolean))];
}
