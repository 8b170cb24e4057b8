#!/usr/bin/env node
// Browser end-to-end check of the Lifeline web client against a running server.
//
//   LIFELINE_BASE_URL=http://127.0.0.1:8080 node e2e/console.e2e.mjs
//
// Env: LIFELINE_BASE_URL (default http://127.0.0.1:8080), CHROMIUM_PATH (default /usr/bin/chromium),
//      E2E_TIMEOUT_MS (per step, default 15000), E2E_ONLY (comma-separated scenario names to run only those).
// Needs the demo users (alice, sam and carol, password "demo"). Scenarios: A agent list, B customer creates a
// ticket, C live list update, D live chat between carol and alice (typing, messages both ways, a pasted
// PNG shown as a thumbnail), E remote assistance (alice asks, carol consents and shares a fake screen over a real
// RTCPeerConnection, a pointer mark reaches carol, carol revokes; prints the time from consent to the first
// decoded frame), F SLA (ticking countdowns, sort by time to breach, a policy saved in the editor), G wall board
// (sam opens it; a ticket carol creates moves its figures live; the same board opens with a read-only wall-board
// token; a screenshot wallboard.png is saved in E2E_ARTIFACT_DIR, default target/e2e/).
// Prints "N passed, M failed"; exits 1 on any failure, with a screenshot per failed scenario (and browser) in
// target/e2e/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.LIFELINE_BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const STEP_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 15_000);
const OVERALL_TIMEOUT = 5 * 60_000;
const LIVE_TIMEOUT = 10_000;
const CHAT_TIMEOUT = 10_000;
const ASSIST_TIMEOUT = 20_000;
const SHOT_DIR = fileURLToPath(new URL('../target/e2e/', import.meta.url));
const ARTIFACT_DIR = process.env.E2E_ARTIFACT_DIR || SHOT_DIR;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// getDisplayMedia and getUserMedia without a picker or devices: Chromium captures a generated test screen
const MEDIA_ARGS = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

const log = (message) => console.log(`[e2e] ${message}`);

/** One browser with a fresh profile per scenario, so no state leaks between users. */
async function withPage(name, body, { media = false } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'lifeline-e2e-'));
  let context;
  let page;
  const pageErrors = [];
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: media ? [...CHROMIUM_ARGS, ...MEDIA_ARGS] : CHROMIUM_ARGS,
      viewport: { width: 1366, height: 900 },
      locale: 'en-US',
      timeout: 60_000,
      // with camera/microphone allowed, ICE host candidates are real addresses (not mDNS names)
      ...(media ? { permissions: ['camera', 'microphone'] } : {}),
    });
    if (media) await context.addInitScript(recordPeerConnections);
    context.setDefaultTimeout(STEP_TIMEOUT);
    context.setDefaultNavigationTimeout(STEP_TIMEOUT * 2);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') log(`${name}: browser console error: ${message.text()}`);
    });
    await body(page);
    if (pageErrors.length > 0) throw new Error(`uncaught error in the page: ${pageErrors.join(' | ')}`);
  } catch (error) {
    if (page) {
      try {
        mkdirSync(SHOT_DIR, { recursive: true });
        const file = join(SHOT_DIR, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
        log(`${name}: screenshot ${file} (at ${page.url()})`);
      } catch (shotError) {
        log(`${name}: no screenshot: ${shotError.message}`);
      }
    }
    throw error;
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

async function login(page, username, password, landing) {
  await page.goto(`${BASE_URL}/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === landing);
}

/** A row with this subject, clicking "load more" until it shows or the list ends. */
async function findRow(page, subject, maxPages = 20) {
  const row = page.getByTestId('ticket-row').filter({ hasText: subject });
  for (let pageNo = 0; pageNo < maxPages; pageNo += 1) {
    if ((await row.count()) > 0) return row.first();
    const more = page.getByTestId('load-more');
    if ((await more.count()) === 0) break;
    const before = await page.getByTestId('ticket-row').count();
    await more.click();
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="ticket-row"]').length > count || !document.querySelector('[data-testid="load-more"]'),
      before,
    );
  }
  return (await row.count()) > 0 ? row.first() : null;
}

const uniqueSubject = (prefix) => `${prefix} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/** Fills and submits the portal's new-ticket form; resolves once the server answered 201. */
async function createTicketInPortal(page, subject, priority = 'P3') {
  await page.getByTestId('new-ticket-subject').fill(subject);
  await page.getByTestId('new-ticket-description').fill('Created by the browser end-to-end check.');
  await page.getByTestId('new-ticket-priority').selectOption(priority);
  const created = page.waitForResponse((response) => response.url().endsWith('/api/tickets') && response.request().method() === 'POST');
  await page.getByTestId('new-ticket-submit').click();
  const response = await created;
  if (response.status() !== 201) throw new Error(`POST /api/tickets answered ${response.status()}: ${await response.text()}`);
  return response.json();
}

/** Signs a demo user in and waits for their ticket list. */
async function openList(page, username, landing) {
  await login(page, username, 'demo', landing);
  await page.getByTestId('ticket-list').waitFor();
}

/** carol signs in to the portal and creates a ticket there; resolves with the created ticket. */
async function carolCreatesTicket(page, subject, priority = 'P3') {
  await openList(page, 'carol', '/portal/index.html');
  return createTicketInPortal(page, subject, priority);
}

/** The SLA countdowns of the list's rows, top to bottom: ticket id, text, state and due time. */
function rowCountdowns(page) {
  return page.$$eval('[data-testid="ticket-row"]', (rows) =>
    rows.map((row) => {
      const countdown = row.querySelector('[data-testid="sla-countdown"]');
      return {
        id: row.getAttribute('data-ticket-id'),
        text: countdown?.textContent ?? '',
        state: countdown?.getAttribute('data-state') ?? '',
        dueAt: countdown?.getAttribute('datetime') ?? null,
      };
    }),
  );
}

/** The page shows the chat and is live (so the chat goes over STOMP and sees events). */
async function openChat(page, path) {
  await page.goto(`${BASE_URL}${path}`);
  await page.getByTestId('ticket-detail').waitFor();
  await page.getByTestId('chat-pane').waitFor();
  await page.getByTestId('chat-input').waitFor();
  await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
}

/** A chat bubble with this text, once it is stored (not pending). */
const storedMessage = (page, text) =>
  page.locator('[data-testid="chat-message"][data-state="sent"]').filter({ hasText: text }).first();

/**
 * Pastes a PNG drawn on a canvas in the page into the chat box, as a screenshot paste does (a
 * ClipboardEvent carrying a File). Resolves with the PNG's size in bytes.
 */
async function pasteScreenshot(page) {
  return page.getByTestId('chat-input').evaluate(async (textarea) => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 40;
    const context = canvas.getContext('2d');
    context.fillStyle = '#0f6cbd';
    context.fillRect(0, 0, 64, 40);
    context.fillStyle = '#ffffff';
    context.fillRect(8, 8, 48, 8);
    context.fillStyle = '#c62828';
    context.fillRect(8, 24, 20, 8);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    const file = new File([blob], 'screenshot.png', { type: 'image/png' });
    const data = new DataTransfer();
    data.items.add(file);
    textarea.focus();
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return file.size;
  });
}

/**
 * Runs in every page of a media browser before its scripts: keeps each RTCPeerConnection the page makes in
 * window.__e2ePeers, so the check can read getStats() of the app's real connection.
 */
function recordPeerConnections() {
  const Native = window.RTCPeerConnection;
  if (!Native) return;
  window.__e2ePeers = [];
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      window.__e2ePeers.push(this);
    }
  };
}

/** In the page: the inbound video frames decoded on its newest peer connection (null when none or closed). */
function framesDecodedInPage() {
  const peers = window.__e2ePeers ?? [];
  const pc = peers[peers.length - 1];
  if (!pc || pc.connectionState === 'closed') return Promise.resolve(null);
  return pc.getStats().then(
    (report) => {
      let frames = 0;
      report.forEach((stat) => {
        if (stat.type === 'inbound-rtp' && stat.kind === 'video') frames += stat.framesDecoded ?? 0;
      });
      return frames;
    },
    () => null,
  );
}

/**
 * In the page: polls every 10 ms until a decoded frame is there; resolves with the wall-clock time of the
 * first one seen (Date.now(), comparable across the two browsers of this machine), or null at the deadline.
 */
function firstFrameAtInPage(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const poll = async () => {
      const peers = window.__e2ePeers ?? [];
      for (const pc of peers) {
        if (pc.connectionState === 'closed') continue;
        const report = await pc.getStats().catch(() => null);
        let frames = 0;
        report?.forEach((stat) => {
          if (stat.type === 'inbound-rtp' && stat.kind === 'video') frames += stat.framesDecoded ?? 0;
        });
        if (frames > 0) return resolve(Date.now());
      }
      if (Date.now() > deadline) return resolve(null);
      setTimeout(poll, 10);
    };
    void poll();
  });
}

/**
 * In the page: after `sinceMs` (Date.now() of the revoke), samples framesDecoded every 50 ms for
 * `watchMs` and returns when the count last went up (ms after `sinceMs`; 0 if it never did) and the last count.
 */
function framesStopInPage({ sinceMs, watchMs }) {
  const read = () => {
    const peers = window.__e2ePeers ?? [];
    const pc = peers[peers.length - 1];
    if (!pc || pc.connectionState === 'closed') return Promise.resolve(null);
    return pc.getStats().then(
      (report) => {
        let frames = 0;
        report.forEach((stat) => {
          if (stat.type === 'inbound-rtp' && stat.kind === 'video') frames += stat.framesDecoded ?? 0;
        });
        return frames;
      },
      () => null,
    );
  };
  return new Promise((resolve) => {
    let last = -1;
    let lastIncrease = 0;
    let closedAfter = null;
    const tick = async () => {
      const frames = await read();
      const now = Date.now();
      if (frames === null) {
        if (closedAfter === null) closedAfter = now - sinceMs;
      } else {
        if (last >= 0 && frames > last) lastIncrease = now - sinceMs;
        last = frames;
      }
      if (now - sinceMs >= watchMs) return resolve({ lastIncreaseMs: lastIncrease, lastFrames: last, closedAfterMs: closedAfter });
      setTimeout(tick, 50);
    };
    void tick();
  });
}

const scenarios = [
  {
    name: 'agent-sees-tickets',
    title: 'A: alice (agent) logs in and sees the ticket list',
    async run(page) {
      await openList(page, 'alice', '/agent/index.html');
      await page.getByTestId('ticket-row').first().waitFor();
      const rows = await page.getByTestId('ticket-row').count();
      if (rows < 1) throw new Error('the agent ticket list has no rows');
      log(`alice sees ${rows} ticket row(s)`);
    },
  },
  {
    name: 'customer-creates-ticket',
    title: 'B: carol (customer) creates a ticket and finds it in her list',
    async run(page) {
      const subject = uniqueSubject('E2E printer check');
      await carolCreatesTicket(page, subject);
      await page.getByTestId('ticket-row').filter({ hasText: subject }).first().waitFor();

      // and it is really stored: after a reload the server's list has it too
      await page.reload();
      await page.getByTestId('ticket-list').waitFor();
      await page.getByTestId('ticket-row').first().waitFor();
      const row = await findRow(page, subject);
      if (!row) throw new Error(`"${subject}" is not in carol's list after a reload`);
      log(`carol's list shows "${subject}"`);
    },
  },
  {
    name: 'live-update',
    title: 'C: a ticket carol creates shows up in alice\'s open list without a reload',
    async run(alicePage) {
      await openList(alicePage, 'alice', '/agent/index.html');
      await alicePage.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
      // a marker that a reload or navigation would wipe out
      await alicePage.evaluate(() => {
        window.__lifelineE2eNoReload = true;
      });
      const listRequests = [];
      alicePage.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/tickets' && request.method() === 'GET') listRequests.push(request.url());
      });
      log('alice is live');

      const subject = uniqueSubject('E2E live check');
      // carol in her own browser (fresh profile)
      await withPage('live-update-carol', async (carolPage) => {
        const ticket = await carolCreatesTicket(carolPage, subject);
        log(`carol created #${ticket?.number} "${subject}"`);
      });

      const started = Date.now();
      await alicePage.getByTestId('ticket-row').filter({ hasText: subject }).first().waitFor({ timeout: LIVE_TIMEOUT });
      const noReload = await alicePage.evaluate(() => window.__lifelineE2eNoReload === true);
      if (!noReload) throw new Error("alice's page was reloaded; the row must arrive live");
      if (listRequests.length > 0) throw new Error(`the row came from a list reload (${listRequests.join(', ')}), not from the live event`);
      const state = await alicePage.getByTestId('connection-state').getAttribute('data-state');
      log(`alice sees "${subject}" live after ${Date.now() - started} ms (connection ${state})`);
    },
  },
  {
    name: 'chat',
    title: 'D: carol and alice chat live on one ticket: typing, messages both ways, a pasted screenshot',
    async run(carolPage) {
      // carol opens one of her tickets (a fresh one, so it is open and its chat empty)
      const ticket = await carolCreatesTicket(carolPage, uniqueSubject('E2E chat check'));
      if (!ticket?.id) throw new Error('the new ticket has no id');
      const hash = `#/tickets/${encodeURIComponent(ticket.id)}`;
      await openChat(carolPage, `/portal/index.html${hash}`);
      if ((await carolPage.getByTestId('chat-internal-toggle').count()) > 0) throw new Error('the customer sees the internal-note switch');
      log(`carol has #${ticket.number} open`);

      // alice in her own browser opens the same ticket in the console
      await withPage('chat-alice', async (alicePage) => {
        await login(alicePage, 'alice', 'demo', '/agent/index.html');
        await openChat(alicePage, `/agent/index.html${hash}`);
        log('alice has the same ticket open');

        // carol types: alice sees her typing
        const carolText = `Hello from carol ${Date.now().toString(36)}`;
        await carolPage.getByTestId('chat-input').click();
        await carolPage.getByTestId('chat-input').pressSequentially(carolText.slice(0, 12), { delay: 40 });
        const typing = alicePage.getByTestId('chat-typing');
        await alicePage.waitForFunction(
          () => /typing/i.test(document.querySelector('[data-testid="chat-typing"]')?.textContent ?? ''),
          undefined,
          { timeout: CHAT_TIMEOUT },
        );
        log(`alice sees "${(await typing.textContent())?.trim()}"`);

        // carol sends: alice sees the message
        await carolPage.getByTestId('chat-input').pressSequentially(carolText.slice(12), { delay: 5 });
        let started = Date.now();
        await carolPage.getByTestId('chat-input').press('Enter');
        await storedMessage(carolPage, carolText).waitFor({ timeout: CHAT_TIMEOUT });
        await storedMessage(alicePage, carolText).waitFor({ timeout: CHAT_TIMEOUT });
        log(`alice got carol's message after ${Date.now() - started} ms`);
        // the typing indicator goes once the message is sent
        await alicePage.waitForFunction(
          () => !/typing/i.test(document.querySelector('[data-testid="chat-typing"]')?.textContent ?? ''),
          undefined,
          { timeout: CHAT_TIMEOUT },
        );

        // alice replies: carol sees it
        const aliceText = `Hi carol, alice here ${Date.now().toString(36)}`;
        await alicePage.getByTestId('chat-input').fill(aliceText);
        started = Date.now();
        await alicePage.getByTestId('chat-input').press('Enter');
        await storedMessage(alicePage, aliceText).waitFor({ timeout: CHAT_TIMEOUT });
        await storedMessage(carolPage, aliceText).waitFor({ timeout: CHAT_TIMEOUT });
        log(`carol got alice's reply after ${Date.now() - started} ms`);

        // carol pastes a screenshot and sends it: alice sees it as a picture
        const bytes = await pasteScreenshot(carolPage);
        await carolPage.locator('[data-testid="chat-upload"][data-state="done"]').waitFor({ timeout: CHAT_TIMEOUT });
        log(`carol uploaded a ${bytes}-byte PNG`);
        const caption = `Screenshot ${Date.now().toString(36)}`;
        await carolPage.getByTestId('chat-input').fill(caption);
        await carolPage.getByTestId('chat-input').press('Enter');
        const carolImage = storedMessage(carolPage, caption).getByTestId('chat-image');
        await carolImage.waitFor({ timeout: CHAT_TIMEOUT });
        const aliceImage = storedMessage(alicePage, caption).getByTestId('chat-image');
        await aliceImage.waitFor({ timeout: CHAT_TIMEOUT });
        const shown = await aliceImage.evaluate(
          (img) => new Promise((resolve) => {
            const check = () => resolve({ src: img.getAttribute('src'), width: img.naturalWidth, height: img.naturalHeight });
            if (img.complete) check();
            else img.addEventListener('load', check, { once: true });
          }),
        );
        if (!String(shown.src).startsWith('blob:')) throw new Error(`the thumbnail is not a blob URL: ${shown.src}`);
        if (shown.width !== 64 || shown.height !== 40) throw new Error(`the thumbnail is ${shown.width}x${shown.height}, not the 64x40 PNG`);
        log(`alice sees the screenshot as an <img> (${shown.width}x${shown.height})`);
      });
    },
  },
  {
    name: 'remote-assistance',
    title: 'E: alice asks to see carol\'s screen, carol consents, a real peer connection carries it, a pointer mark reaches carol, carol revokes',
    media: true,
    async run(carolPage) {
      const ticket = await carolCreatesTicket(carolPage, uniqueSubject('E2E assist check'));
      if (!ticket?.id) throw new Error('the new ticket has no id');
      const hash = `#/tickets/${encodeURIComponent(ticket.id)}`;
      await openChat(carolPage, `/portal/index.html${hash}`);
      log(`carol has #${ticket.number} open`);

      await withPage(
        'remote-assistance-alice',
        async (alicePage) => {
          await login(alicePage, 'alice', 'demo', '/agent/index.html');
          await openChat(alicePage, `/agent/index.html${hash}`);

          // alice asks, with view and pointer
          const reason = `Show me the print dialog ${Date.now().toString(36)}`;
          await alicePage.getByTestId('assist-ask').click();
          await alicePage.getByTestId('assist-reason').fill(reason);
          if (!(await alicePage.getByTestId('assist-scope-pointer').isChecked())) await alicePage.getByTestId('assist-scope-pointer').check();
          await alicePage.getByTestId('assist-send-request').click();
          await alicePage.locator('[data-testid="assist-state"][data-state="REQUESTED"]').waitFor();
          log('alice asked to see the screen');

          // carol gets the consent dialog live: the agent, the ticket, the reason, the scopes, a countdown
          const dialog = carolPage.getByTestId('assist-consent-dialog');
          await dialog.waitFor({ timeout: LIVE_TIMEOUT });
          const dialogText = await dialog.innerText();
          if (!dialogText.includes(reason)) throw new Error(`the consent dialog does not show the reason: ${dialogText}`);
          if (!dialogText.includes(`#${ticket.number}`)) throw new Error(`the consent dialog does not name ticket #${ticket.number}: ${dialogText}`);
          if (!/alice/i.test(dialogText)) throw new Error(`the consent dialog does not name the agent: ${dialogText}`);
          await carolPage.getByTestId('assist-consent-countdown').waitFor();
          if (!(await carolPage.getByTestId('assist-scope-view').isChecked())) throw new Error('view is not checked in the consent dialog');
          log('carol sees the consent dialog');

          // carol allows; alice's page watches its peer connection for the first decoded frame
          const firstFrame = alicePage.evaluate(firstFrameAtInPage, ASSIST_TIMEOUT);
          const consentAt = await carolPage.evaluate(() => Date.now());
          await carolPage.getByTestId('assist-consent-allow').click();
          await carolPage.getByTestId('assist-sharing-bar').waitFor({ timeout: ASSIST_TIMEOUT });
          const firstFrameAt = await firstFrame;
          if (firstFrameAt === null) throw new Error(`no frame was decoded on alice's side within ${ASSIST_TIMEOUT} ms of the consent`);
          const consentToFrame = firstFrameAt - consentAt;
          log(`time from consent to first decoded frame: ${consentToFrame} ms`);
          console.log(`[e2e] figure: assist consent-to-first-frame ${consentToFrame} ms`);

          // a real RTCPeerConnection carries the screen: more than 30 frames decoded on alice's side
          await alicePage.getByTestId('assist-video').waitFor();
          const deadline = Date.now() + ASSIST_TIMEOUT;
          let frames = 0;
          while (Date.now() < deadline && frames <= 30) {
            frames = (await alicePage.evaluate(framesDecodedInPage)) ?? 0;
            if (frames <= 30) await alicePage.waitForTimeout(200);
          }
          if (frames <= 30) throw new Error(`alice decoded only ${frames} frames`);
          log(`alice decoded ${frames} frames`);
          await carolPage.locator('[data-testid="assist-watching"][data-watching="yes"]').waitFor({ timeout: ASSIST_TIMEOUT });
          await alicePage.locator('[data-testid="assist-viewer"][data-phase="live"]').waitFor({ timeout: ASSIST_TIMEOUT });

          // a pointer mark: alice clicks on the middle of the picture; carol's page shows the mark
          const stage = alicePage.getByTestId('assist-stage');
          const box = await stage.boundingBox();
          if (!box) throw new Error('the viewer stage has no box');
          await alicePage.mouse.move(box.x + box.width / 2 - 20, box.y + box.height / 2);
          await alicePage.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
          await carolPage.locator('[data-testid="assist-customer-marks"] [data-testid="assist-mark"]').first().waitFor({ state: 'attached', timeout: LIVE_TIMEOUT });
          log('the pointer mark reached carol\'s page');

          // carol revokes: frames stop on alice's side within a second
          const stopAt = await carolPage.evaluate(() => Date.now());
          const stopped = alicePage.evaluate(framesStopInPage, { sinceMs: stopAt, watchMs: 2500 });
          await carolPage.getByTestId('assist-stop').click();
          await carolPage.locator('[data-testid="assist-end-notice"]').waitFor();
          const stop = await stopped;
          log(`after the revoke, alice's frames last went up after ${stop.lastIncreaseMs} ms; her peer connection closed after ${stop.closedAfterMs} ms`);
          if (stop.lastIncreaseMs > 1000) throw new Error(`frames kept coming on alice's side ${stop.lastIncreaseMs} ms after the revoke`);
          await alicePage.locator('[data-testid="assist-state"][data-state="REVOKED"]').waitFor({ timeout: LIVE_TIMEOUT });
          if ((await carolPage.getByTestId('assist-sharing-bar').count()) > 0) throw new Error('carol still sees the sharing bar');

          // the timeline shows every step
          const steps = ['assist.requested', 'assist.shown', 'assist.consented', 'assist.joined', 'assist.revoked'];
          for (const type of steps) {
            await alicePage.locator(`[data-testid="timeline-event"][data-type="${type}"]`).first().waitFor({ state: 'attached', timeout: LIVE_TIMEOUT });
          }
          const joins = await alicePage.locator('[data-testid="timeline-event"][data-type="assist.joined"]').count();
          if (joins < 2) throw new Error(`the timeline shows ${joins} join(s), not both participants`);
          log(`alice's timeline shows ${steps.join(', ')} (${joins} joins)`);
        },
        { media: true },
      );
    },
  },
  {
    name: 'sla',
    title: "F: SLA countdowns tick in alice's list, the list sorts by time to breach, sam saves a policy change",
    async run(alicePage) {
      // a fresh P2: its first response is due within the hour, so its countdown shows seconds
      const subject = uniqueSubject('E2E SLA check');
      let created;
      await withPage('sla-carol', async (carolPage) => {
        created = await carolCreatesTicket(carolPage, subject, 'P2');
      });
      if (!created?.id) throw new Error('the new ticket has no id');

      await openList(alicePage, 'alice', '/agent/index.html');
      const row = await findRow(alicePage, subject);
      if (!row) throw new Error(`"${subject}" is not in alice's list`);
      const countdown = row.getByTestId('sla-countdown');
      const selector = `[data-testid="ticket-row"][data-ticket-id="${created.id}"] [data-testid="sla-countdown"]`;
      // due in an hour: "1h 00m" for its first second or so, then minutes and seconds
      await alicePage
        .waitForFunction((css) => /^\d+m \d{2}s$/.test(document.querySelector(css)?.textContent ?? ''), selector, { timeout: 5_000 })
        .catch(async () => {
          throw new Error(`the countdown reads "${await countdown.textContent()}", not minutes and seconds`);
        });
      const first = (await countdown.textContent()) ?? '';
      const state = await countdown.getAttribute('data-state');
      if (!['OK', 'AT_RISK'].includes(state ?? '')) throw new Error(`the new P2 is ${state}, not counting down (${first})`);
      // it ticks in the browser: another text within 3 s, with no request asking for it
      const requests = [];
      const onRequest = (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/tickets')) requests.push(request.url());
      };
      alicePage.on('request', onRequest);
      await alicePage.waitForFunction(
        ({ css, before }) => {
          const text = document.querySelector(css)?.textContent;
          return Boolean(text) && text !== before;
        },
        { css: selector, before: first },
        { timeout: 3_000 },
      );
      alicePage.off('request', onRequest);
      if (requests.length > 0) throw new Error(`the countdown asked the server: ${requests.join(', ')}`);
      log(`alice's countdown for #${created.number} ticks: "${first}" -> "${await countdown.textContent()}"`);

      // sorted by time to breach: the server's order (sort=due), running clocks first, soonest on top
      const sorted = alicePage.waitForResponse((response) => {
        const url = new URL(response.url());
        return url.pathname === '/api/tickets' && url.searchParams.get('sort') === 'due';
      });
      await alicePage.getByTestId('sort').selectOption('due');
      const response = await sorted;
      if (response.status() !== 200) throw new Error(`GET /api/tickets?sort=due answered ${response.status()}`);
      await alicePage.getByTestId('sort-by-due').and(alicePage.locator('[aria-pressed="true"]')).waitFor();
      await alicePage.getByTestId('ticket-row').first().waitFor();
      const rows = await rowCountdowns(alicePage);
      const running = rows.filter((entry) => entry.dueAt && ['OK', 'AT_RISK', 'BREACHED'].includes(entry.state));
      const firstIdle = rows.findIndex((entry) => !running.includes(entry));
      const lastRunning = rows.findLastIndex((entry) => running.includes(entry));
      if (firstIdle >= 0 && firstIdle < lastRunning) throw new Error(`a ticket without a running clock is above a running one: ${JSON.stringify(rows)}`);
      for (let i = 1; i < running.length; i += 1) {
        if (Date.parse(running[i].dueAt) < Date.parse(running[i - 1].dueAt)) throw new Error(`not sorted by time to breach: ${JSON.stringify(running)}`);
      }
      const at = rows.findIndex((entry) => entry.id === created.id);
      if (at < 0 || !running.includes(rows[at])) throw new Error(`#${created.number} is not among the running clocks of the sorted list`);
      log(`sorted by time to breach: #${created.number} is row ${at + 1} of ${rows.length} (${running.length} running, soonest ${running[0]?.text})`);

      // sam changes P2's warning time in the policy editor, sees it stored, and puts it back
      await withPage('sla-sam', async (samPage) => {
        await openList(samPage, 'sam', '/agent/index.html');
        await samPage.getByTestId('nav-sla-settings').click();
        const form = samPage.locator('[data-testid="policy-form"][data-priority="P2"]');
        await form.waitFor();
        const amount = form.getByTestId('policy-warnBefore-amount');
        const unit = form.getByTestId('policy-warnBefore-unit');
        const original = { amount: await amount.inputValue(), unit: await unit.inputValue() };
        const changed = original.amount === '20' && original.unit === 'minutes' ? { amount: '25', unit: 'minutes' } : { amount: '20', unit: 'minutes' };

        const save = async (value) => {
          await amount.fill(value.amount);
          await unit.selectOption(value.unit);
          const put = samPage.waitForResponse((answer) => answer.url().endsWith('/api/sla-policies/P2') && answer.request().method() === 'PUT');
          await form.getByTestId('policy-save').click();
          const answer = await put;
          if (answer.status() !== 200) throw new Error(`PUT /api/sla-policies/P2 answered ${answer.status()}: ${await answer.text()}`);
          await form.getByTestId('policy-saved').waitFor();
          return answer.request().postDataJSON();
        };

        const sent = await save(changed);
        if (sent.warnBefore !== `PT${changed.amount}M`) throw new Error(`${changed.amount} minutes were sent as ${sent.warnBefore}`);
        await samPage.reload();
        await form.waitFor();
        const stored = { amount: await amount.inputValue(), unit: await unit.inputValue() };
        if (stored.amount !== changed.amount || stored.unit !== changed.unit) {
          throw new Error(`after a reload P2 warns ${stored.amount} ${stored.unit} before, not ${changed.amount} ${changed.unit}`);
        }
        log(`sam saved P2 warn-before ${changed.amount} ${changed.unit} (${sent.warnBefore}); a reload shows it`);
        await save(original);
      });
    },
  },
  {
    name: 'wallboard',
    title: 'G: the wall board shows the figures, moves live when carol creates a ticket, and opens with a wall-board token',
    async run(samPage) {
      await samPage.setViewportSize({ width: 1920, height: 1080 });
      await login(samPage, 'sam', 'demo', '/agent/index.html');
      await samPage.goto(`${BASE_URL}/wallboard/`);
      await samPage.getByTestId('wallboard').waitFor();
      await samPage.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
      await samPage.locator('[data-testid="chart-by-priority"] svg').first().waitFor({ state: 'attached' });
      await samPage.evaluate(() => {
        window.__lifelineE2eNoReload = true;
      });
      const count = async (testId) => Number(await samPage.locator(`[data-testid="${testId}"] b, [data-testid="${testId}"]:not(:has(b))`).first().textContent());
      const openBefore = await count('open-total');
      const p3Before = await count('open-P3');
      const agents = await samPage.getByTestId('agent').count();
      if (agents < 2) throw new Error(`the agent grid shows ${agents} agent(s)`);
      for (const tile of ['tile-first-response', 'tile-resolution', 'tile-csat', 'tile-repeat', 'tile-unassigned', 'tile-at-risk']) {
        await samPage.getByTestId(tile).waitFor();
      }
      log(`sam's wall board: ${openBefore} open (${p3Before} P3), ${agents} agents`);

      const subject = uniqueSubject('E2E wall board');
      await withPage('wallboard-carol', async (carolPage) => {
        await carolCreatesTicket(carolPage, subject);
      });
      const started = Date.now();
      await samPage.waitForFunction(
        (before) => Number(document.querySelector('[data-testid="open-total"]')?.textContent?.replace(/\D+/g, '')) > before,
        openBefore,
        { timeout: LIVE_TIMEOUT },
      );
      const p3After = await count('open-P3');
      if (p3After !== p3Before + 1) throw new Error(`P3 went from ${p3Before} to ${p3After}, not up by one`);
      if (!(await samPage.evaluate(() => window.__lifelineE2eNoReload === true))) throw new Error('the wall board reloaded');
      log(`the wall board moved to ${await count('open-total')} open ${Date.now() - started} ms after carol's ticket`);
      mkdirSync(ARTIFACT_DIR, { recursive: true });
      const shot = join(ARTIFACT_DIR, 'wallboard.png');
      await samPage.screenshot({ path: shot, fullPage: true });
      log(`screenshot ${shot}`);

      // a read-only link for a screen: the board opens with it, no login, and the token reads nothing else
      const made = await samPage.evaluate(async () => {
        const token = JSON.parse(sessionStorage.getItem('lifeline.session')).token;
        const response = await fetch('/api/wallboard/tokens', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
        return response.json();
      });
      await withPage('wallboard-screen', async (screen) => {
        await screen.goto(`${BASE_URL}${made.url}&lang=zh-CN`);
        await screen.getByTestId('wallboard').waitFor();
        await screen.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
        const title = await screen.locator('.wb-head h1').textContent();
        if (title !== '客服现场') throw new Error(`the token's board is not in Chinese: ${title}`);
        const tickets = await screen.evaluate(async (token) => (await fetch('/api/tickets', { headers: { Authorization: `Bearer ${token}` } })).status, made.token);
        if (tickets !== 403) throw new Error(`the wall-board token read /api/tickets: ${tickets}`);
        log('the wall-board token opens the board (zh-CN) and nothing else');
      });
    },
  },
  {
    name: 'kb-suggestion',
    title: 'H: carol typing a known problem in the new-ticket form sees the published article before submitting',
    async run(alicePage) {
      await login(alicePage, 'alice', 'demo', '/agent/index.html');
      // a made-up word of letters only, so this run's article is the one that matches
      const word = `zorb${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}z`;
      const title = `Gadget ${word} freezes on start`;
      const solution = `Hold the ${word} reset button for ten seconds.`;
      const published = await alicePage.evaluate(async (body) => {
        const token = JSON.parse(sessionStorage.getItem('lifeline.session')).token;
        const response = await fetch('/api/kb/articles', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { status: response.status, body: await response.json() };
      }, { title, module: 'mobile', faultType: 'crash', symptoms: `The ${word} freezes`, cause: 'A stuck cache', solution, status: 'PUBLISHED' });
      if (published.status !== 201) throw new Error(`publishing the article answered ${published.status}: ${JSON.stringify(published.body)}`);
      log(`alice published "${title}"`);

      await withPage('kb-carol', async (carolPage) => {
        await openList(carolPage, 'carol', '/portal/index.html');
        await carolPage.getByTestId('new-ticket-subject').pressSequentially(`My ${word} freezes`, { delay: 20 });
        const started = Date.now();
        const suggestion = carolPage.getByTestId('kb-suggestion').filter({ hasText: title });
        await suggestion.waitFor();
        log(`the article was suggested ${Date.now() - started} ms after carol stopped typing`);
        await suggestion.getByRole('button', { name: title }).click();
        await carolPage.getByTestId('kb-solution').filter({ hasText: solution }).waitFor();
        if ((await carolPage.getByTestId('new-ticket-submit').count()) !== 1) throw new Error('the form went away before carol said it helped');
        const deflected = carolPage.waitForResponse((response) => response.url().endsWith('/api/kb/deflections'));
        await carolPage.getByTestId('kb-solved').click();
        const answer = await deflected;
        if (answer.status() !== 201) throw new Error(`POST /api/kb/deflections answered ${answer.status()}`);
        await carolPage.getByTestId('kb-thanks').waitFor();
        log('carol read the solution and said it helped: a deflection, and thanks instead of the form');
      });
    },
  },
];

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`[e2e] gave up after ${OVERALL_TIMEOUT / 1000} s`);
    console.log(`0 passed, ${scenarios.length} failed`);
    process.exit(1);
  }, OVERALL_TIMEOUT);
  watchdog.unref();

  log(`base URL ${BASE_URL}, browser ${CHROMIUM_PATH}`);
  let passed = 0;
  let failed = 0;
  // E2E_ONLY=remote-assistance,chat runs just those (while working on one); the build runs them all
  const only = (process.env.E2E_ONLY || '').split(',').filter(Boolean);
  for (const scenario of scenarios.filter((entry) => only.length === 0 || only.includes(entry.name))) {
    const started = Date.now();
    try {
      await withPage(scenario.name, scenario.run, { media: scenario.media === true });
      passed += 1;
      log(`PASS ${scenario.title} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      log(`FAIL ${scenario.title} (${Date.now() - started} ms): ${error?.stack || error}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error('[e2e] crashed:', error);
  console.log(`0 passed, ${scenarios.length} failed`);
  process.exit(1);
});
