// Browser test of the local web chat against a server whose bot plays DemoScript (see WebChatBrowserTest).
// Usage: BASE_URL=http://127.0.0.1:7070 [OUT_DIR=target] node webchat.spec.mjs
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  botMessages, clickButton, fillForm, form, horizontalOverflow, openBrowser, openChat, openConversation, pickUser, send,
  statusText, submitForm, waitForBotText,
} from './webchat-page.mjs';

const baseUrl = process.env.BASE_URL;
const outDir = process.env.OUT_DIR || 'target';
if (!baseUrl) {
  console.error('BASE_URL is not set');
  process.exit(2);
}

const { page, close } = await openBrowser();
const dialogs = [];
page.on('dialog', dialog => { dialogs.push(dialog.message()); dialog.dismiss(); });
const pageErrors = [];
page.on('pageerror', error => pageErrors.push(error.message));

async function step(name, action) {
  process.stdout.write(`- ${name} … `);
  await action();
  console.log('ok');
}

try {
  await step('opens the page and lists the users', async () => {
    await openChat(page, baseUrl);
    const users = await page.locator('#user-select option').allTextContents();
    assert.deepEqual(users, ['Anna Andersen', 'Bo Berg', 'Carla Dahl']);
  });

  await step('switches user and opens the direct conversation', async () => {
    await pickUser(page, 'Bo Berg');
    await pickUser(page, 'Anna Andersen');
    assert.equal(await page.locator('#conversation-title').textContent(), 'Barometer – direkte besked');
    const conversations = await page.locator('#conversation-list button > span:first-child').allTextContents();
    assert.deepEqual(conversations, ['Barometer', '#team-nord', '#team-syd', '#ledelse']);
  });

  await step('sends a command and shows the reply', async () => {
    await send(page, 'hjælp');
    await waitForBotText(page, 'Velkommen til Barometer');
    assert.equal(await page.locator('#messages article.echo p').last().textContent(), 'hjælp');
  });

  await step('shows a question with the earlier answer selected and progress', async () => {
    await clickButton(page, 'Start spørgeskema');
    const question = await waitForBotText(page, 'Spørgsmål 1 af 3');
    assert.equal(await question.getByRole('button', { name: 'Hverken eller' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await question.getByRole('button', { name: 'Enig', exact: true }).getAttribute('aria-pressed'), 'false');
    assert.equal(await question.locator('progress').getAttribute('aria-label'), 'Spørgsmål 1 af 3');
  });

  await step('answers by clicking a choice: the question is replaced in place, the focus stays in it', async () => {
    const before = await botMessages(page).count();
    await clickButton(page, 'Enig');
    await waitForBotText(page, 'Spørgsmål 2 af 3');
    assert.equal(await botMessages(page).count(), before);
    assert.equal(await botMessages(page).filter({ hasText: 'Spørgsmål 1 af 3' }).count(), 0);
    assert.equal(await botMessages(page).last().textContent().then(t => t.includes('Spørgsmål 2 af 3')), true);
    const focused = await page.evaluate(() => document.activeElement.closest('.question') !== null
      && document.activeElement.classList.contains('choice'));
    assert.equal(focused, true, 'the focus is on an answer of the next question');
  });

  await step('answers the next question by keyboard alone', async () => {
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('#messages[aria-busy="false"]').waitFor();
    await waitForBotText(page, 'Spørgsmål 3 af 3');
  });

  await step('fills and submits a form with every field type', async () => {
    await clickButton(page, 'Opret måling');
    await form(page, 'Ny måling').waitFor();
    const channels = await form(page, 'Ny måling').getByLabel('Kanal', { exact: true }).locator('option').allTextContents();
    assert.deepEqual(channels, ['– vælg –', '#team-nord', '#team-syd', '#ledelse']);
    await fillForm(page, 'Ny måling', {
      Navn: 'Forår <b>2025</b>',
      Beskrivelse: 'Første linje\nAnden linje',
      Fase: 'Forankring',
      Frist: '2025-06-30',
      Respondenter: ['Bo', 'Carla'],
      Kanal: '#team-nord',
    });
    assert.equal(await form(page, 'Ny måling').locator('.people-count').textContent(), '2 valgt');
    await page.screenshot({ path: path.join(outDir, 'webchat-form.png') });
    await submitForm(page, 'Ny måling');
    const result = await waitForBotText(page, 'Måling oprettet');
    const shown = Object.fromEntries(await result.locator('dt').evaluateAll(terms =>
      terms.map(term => [term.textContent, term.nextElementSibling.textContent])));
    assert.deepEqual(shown, {
      channel: 'team-nord', deadline: '2025-06-30', draft: '7', name: 'Forår <b>2025</b>',
      note: 'Første linje\nAnden linje', respondents: 'u2,u3', stage: 'forankring',
    });
  });

  await step('shows text with markup literally', async () => {
    const text = '<script>alert("hej")</script> <b>fed</b> <img src=x onerror=alert(1)>';
    await send(page, text);
    const echo = await waitForBotText(page, 'Du skrev:');
    assert.equal(await echo.locator('p').textContent(), `Du skrev: ${text}`);
    assert.equal(await page.locator('#messages b, #messages img, #messages script').count(), 0);
  });

  await step('shows a proactive message by polling', async () => {
    await send(page, 'påmind mig');
    await waitForBotText(page, 'Du får en påmindelse.');
    await waitForBotText(page, 'Påmindelse: du har et spørgeskema, der venter.');
  });

  await step('a reply to a command in a channel is for the asker only, and says so', async () => {
    await openConversation(page, '#team-nord');
    await send(page, 'status');
    const reply = await waitForBotText(page, 'Du skrev: status');
    assert.match(await reply.textContent(), /Kun synligt for dig/);
    await openConversation(page, 'Barometer');
    await openConversation(page, '#team-nord');
    assert.equal(await botMessages(page).filter({ hasText: 'Du skrev: status' }).count(), 0);
    await openConversation(page, 'Barometer');
  });

  await step('keeps the bot messages but not what the user typed', async () => {
    await openConversation(page, '#team-nord');
    assert.equal(await page.locator('#conversation-title').textContent(), '#team-nord');
    await openConversation(page, 'Barometer');
    await waitForBotText(page, 'Måling oprettet');
    assert.equal(await page.locator('#messages article.echo').count(), 0);
  });

  await step('another user does not see the conversation', async () => {
    await pickUser(page, 'Bo Berg');
    assert.equal(await botMessages(page).count(), 0);
    assert.equal(await page.getByText('Velkommen til Barometer').count(), 0);
    await pickUser(page, 'Anna Andersen');
  });

  await step('renders results with bars', async () => {
    await send(page, 'hjælp');
    await clickButton(page, 'Vis resultater');
    const results = await waitForBotText(page, 'Resultater for måling 1');
    assert.equal(await results.locator('.bar-row').count(), 3);
    const width = await results.locator('.bar-fill').first().evaluate(node => node.style.width);
    assert.equal(parseFloat(width), 76);
    await page.screenshot({ path: path.join(outDir, 'webchat.png') });
    assert.deepEqual(await horizontalOverflow(page), [], 'nothing sticks out at desktop width');
  });

  await step('on a 390 px phone nothing sticks out: header, user picker, messages, form', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await pickUser(page, 'Carla Dahl');
    assert.deepEqual(await horizontalOverflow(page), [], 'the header and user picker fit');
    await send(page, 'hjælp');
    await clickButton(page, 'Start spørgeskema');
    await waitForBotText(page, 'Spørgsmål 1 af 3');
    await clickButton(page, 'Opret måling');
    await form(page, 'Ny måling').waitFor();
    await fillForm(page, 'Ny måling', { Respondenter: ['Anna'] });
    await clickButton(page, 'Vis resultater');
    await waitForBotText(page, 'Resultater for måling 1');
    assert.deepEqual(await horizontalOverflow(page), [], 'question, form and bars fit');
    const picker = await page.locator('#user-select').boundingBox();
    assert.ok(picker.x + picker.width <= 390, `the user picker ends at ${picker.x + picker.width}px`);
    await page.screenshot({ path: path.join(outDir, 'webchat-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await step('shows the one-screen summary with its chart', async () => {
    await send(page, 'rapport 1');
    const summary = await waitForBotText(page, 'Resultater: Team Nord forår');
    const chart = summary.locator('figure.chart img');
    await chart.evaluate(img => img.complete || new Promise(resolve => { img.onload = resolve; img.onerror = resolve; }));
    assert.ok(await chart.evaluate(img => img.naturalWidth) > 0, 'the chart loads');
    assert.match(await chart.getAttribute('alt'), /^Diagram over svarfordelingen pr\. tema/);
    assert.equal(await summary.getByRole('button', { name: 'Detaljer' }).count(), 1);
    // The whole summary in one picture (README): a taller window, the summary at the top of the pane.
    await page.setViewportSize({ width: 1100, height: 1500 });
    await summary.evaluate(node => node.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(outDir, 'webchat-summary.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  assert.deepEqual(dialogs, [], 'no script from message text may run');
  assert.deepEqual(pageErrors, [], 'the page has no script errors');
  assert.equal(await statusText(page), '');
  console.log('webchat browser test: all steps passed');
} catch (error) {
  console.log('FAILED');
  console.error(error);
  await page.screenshot({ path: path.join(outDir, 'webchat-failure.png') }).catch(() => {});
  process.exitCode = 1;
} finally {
  await close();
}
