// Reusable steps for driving the local web chat in headless Chromium (playwright-core, Debian's chromium).
// Every step waits until the page is idle again, so scenarios read as a person would act.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const STEP_TIMEOUT_MS = 15000;

/** Starts Chromium with a fresh profile; returns the page and a close function that removes the profile. */
export async function openBrowser() {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'webchat-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'da-DK',
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = context.pages()[0] || await context.newPage();
  return {
    page,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the chat page and waits for the first conversation to load. */
export async function openChat(page, baseUrl) {
  await page.goto(new URL('/', baseUrl).toString());
  await waitUntilIdle(page);
}

/** Waits until no view is loading and no event is being sent. */
export async function waitUntilIdle(page) {
  await page.locator('#messages[aria-busy="false"]').waitFor();
}

/** Plays the user with this display name; opens their direct conversation. */
export async function pickUser(page, name) {
  await page.getByLabel('Vælg hvilken bruger du er').selectOption({ label: name });
  await waitUntilIdle(page);
}

/** Opens a conversation by the name in the list: 'Barometer' (the direct conversation) or '#team-nord'. */
export async function openConversation(page, name) {
  const pattern = new RegExp(`^${escapeRegExp(name)}(\\s|$)`);
  await page.getByRole('navigation').getByRole('button', { name: pattern }).click();
  await waitUntilIdle(page);
}

/** Types a message and sends it with Enter. */
export async function send(page, text) {
  const input = page.locator('#composer-input');
  await input.fill(text);
  await input.press('Enter');
  await waitUntilIdle(page);
}

/** Clicks the button with exactly this label in the newest message that has one. */
export async function clickButton(page, label) {
  await page.locator('#messages').getByRole('button', { name: label, exact: true }).last().click();
  await waitUntilIdle(page);
}

/** The newest form with this title. */
export function form(page, title) {
  return page.locator('#messages').getByRole('form', { name: title, exact: true }).last();
}

/**
 * Fills a form by field labels: text for inputs, an option label for a select, 'YYYY-MM-DD' for a date, and
 * a list of names for a people picker (each searched for, then ticked).
 */
export async function fillForm(page, title, values) {
  const target = form(page, title);
  for (const [label, value] of Object.entries(values)) {
    const field = target.getByLabel(label, { exact: true });
    const tag = await field.evaluate(node => node.tagName);
    if (Array.isArray(value)) {
      for (const name of value) await pickPerson(page, title, label, name);
    } else if (tag === 'SELECT') {
      await field.selectOption({ label: value });
    } else {
      await field.fill(value);
    }
  }
}

/** Searches the people picker for a name and ticks the one person left, by keyboard (Enter). */
export async function pickPerson(page, title, label, name) {
  const search = form(page, title).getByLabel(label, { exact: true });
  await search.fill(name);
  await search.press('Enter');
  await search.fill('');
}

/** Elements wider than the window or sticking out of it (none on a well-built page), and whether the page scrolls sideways. */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = [];
    if (document.documentElement.scrollWidth > width) over.push(`page is ${document.documentElement.scrollWidth}px wide`);
    for (const node of document.querySelectorAll('header, header *, .sidebar, .sidebar *, .chat, .message, .message *, .composer, .composer *')) {
      const box = node.getBoundingClientRect();
      if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) {
        over.push(`${node.tagName.toLowerCase()}.${node.className} ends at ${Math.round(box.right)}px`);
      }
    }
    return over;
  });
}

/** Submits a form by clicking its submit button. */
export async function submitForm(page, title) {
  await form(page, title).locator('button[type="submit"]').click();
  await waitUntilIdle(page);
}

/** The bot's messages in the open conversation (not the user's own, unstored echo). */
export function botMessages(page) {
  return page.locator('#messages article.message:not(.echo)');
}

/** Waits until a bot message contains this text; returns that message. */
export async function waitForBotText(page, text) {
  const message = botMessages(page).filter({ hasText: text }).last();
  await message.waitFor();
  return message;
}

/** The status line's text (errors from the server are shown there). */
export async function statusText(page) {
  return (await page.locator('#status').textContent()) || '';
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
