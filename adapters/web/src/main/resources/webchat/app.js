// Local web chat: plays any user of the demo organisation against the bot's JSON API.
// Every piece of data is inserted with textContent or as a property, never as HTML.

const POLL_INTERVAL_MS = 1500;
const CONVERSATION_REFRESH_POLLS = 6;
const BOT_NAME = 'Barometer';

const state = {
  users: [],
  userId: null,
  conversations: [],
  conversationId: null,
  lastSeq: 0,
  // Bumped on every switch of user or conversation, so late answers for the old view are dropped.
  view: 0,
  pollTimer: null,
  pollsSinceRefresh: 0,
};

const dom = {
  userSelect: document.getElementById('user-select'),
  conversationList: document.getElementById('conversation-list'),
  title: document.getElementById('conversation-title'),
  messages: document.getElementById('messages'),
  status: document.getElementById('status'),
  composer: document.getElementById('composer'),
  composerInput: document.getElementById('composer-input'),
};

// ---------------------------------------------------------------- API

class ApiError extends Error {}

async function callApi(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (e) {
    throw new ApiError('Kunne ikke nå serveren. Prøver igen …');
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError((json && json.message) || `Serveren svarede ${response.status}.`);
  }
  return json;
}

function fetchUsers() {
  return callApi('GET', '/api/chat/users');
}

function fetchConversations(userId) {
  return callApi('GET', `/api/chat/conversations?user=${encodeURIComponent(userId)}`);
}

function fetchMessages(userId, conversationId, afterSeq) {
  return callApi('GET', `/api/chat/conversations/${encodeURIComponent(conversationId)}/messages`
    + `?user=${encodeURIComponent(userId)}&after=${afterSeq}`);
}

function postToBot(path, fields) {
  return callApi('POST', path, {
    user: state.userId,
    conversation: state.conversationId,
    clientId: newClientId(),
    ...fields,
  });
}

/** A random id per sent event, so a retried delivery is recognised by the bot. */
function newClientId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'web-' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

// ---------------------------------------------------------------- DOM helpers

/** Creates an element; options: className, text, attrs (set as attributes), props (set as properties). */
function element(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
  for (const [name, value] of Object.entries(options.attrs || {})) node.setAttribute(name, value);
  Object.assign(node, options.props || {});
  for (const child of children) if (child) node.append(child);
  return node;
}

/** The pane is busy while a view loads or an event is sent; tests and screen readers wait for it. */
function setBusy(busy) {
  dom.messages.setAttribute('aria-busy', String(busy));
}

function showStatus(text, isError = false) {
  dom.status.textContent = text || '';
  dom.status.classList.toggle('error', Boolean(isError && text));
}

function isScrolledToBottom() {
  const pane = dom.messages;
  return pane.scrollHeight - pane.scrollTop - pane.clientHeight < 40;
}

function scrollToBottom() {
  dom.messages.scrollTop = dom.messages.scrollHeight;
}

// ---------------------------------------------------------------- block renderers

const BLOCK_RENDERERS = {
  heading: block => element('h3', { text: block.text }),
  paragraph: block => element('p', { text: block.text }),
  fieldError: block => element('p', { className: 'field-error', text: block.text }),
  context: block => element('p', { className: 'context', text: block.text }),
  list: block => element('ul', {}, (block.items || []).map(item => element('li', { text: item }))),
  fields: renderFields,
  question: renderQuestion,
  actions: block => renderButtonRow(block.buttons || [], button => renderActionButton(button)),
  form: renderForm,
  bars: renderBars,
  image: renderImage,
  file: renderFile,
};

function renderBlock(block) {
  const renderer = BLOCK_RENDERERS[block.type];
  return renderer ? renderer(block) : element('p', { className: 'context', text: '(Ukendt indhold)' });
}

function renderFields(block) {
  const list = element('dl', { className: 'fields' });
  for (const field of block.fields || []) {
    list.append(element('dt', { text: field.label }), element('dd', { text: field.value }));
  }
  return list;
}

function renderQuestion(block) {
  const choices = renderButtonRow(block.choices || [], choice => renderChoiceButton(choice, block));
  choices.setAttribute('role', 'group');
  choices.setAttribute('aria-label', `Svarmuligheder: ${block.statement}`);
  return element('div', { className: 'question' }, [
    block.theme ? element('p', { className: 'theme', text: block.theme }) : null,
    element('p', { className: 'statement', text: block.statement }),
    choices,
    renderProgress(block),
  ]);
}

function renderProgress(block) {
  const text = block.progressText || `Spørgsmål ${block.number} af ${block.total}`;
  const bar = element('progress', { attrs: { 'aria-label': text }, props: { max: block.total || 1, value: block.number || 0 } });
  return element('div', { className: 'progress' }, [element('span', { text }), bar]);
}

function renderChoiceButton(choice, question) {
  // selectedValue is the chosen choice's own value; selected is only its scale number.
  const selected = question.selectedValue !== null && question.selectedValue !== undefined
    && choice.value === question.selectedValue;
  const button = element('button', {
    className: 'button choice',
    attrs: { type: 'button', 'aria-pressed': String(selected) },
  });
  if (choice.value && choice.value !== choice.label && choice.value.length <= 3) {
    button.append(element('span', { className: 'choice-value', text: choice.value, attrs: { 'aria-hidden': 'true' } }));
  }
  button.append(element('span', { text: choice.label }));
  button.addEventListener('click', () => pressButton(choice, button));
  return button;
}

function renderActionButton(button) {
  const style = (button.style || 'DEFAULT').toLowerCase();
  const node = element('button', {
    className: `button ${style === 'default' ? '' : style}`.trim(),
    text: button.label,
    attrs: { type: 'button' },
  });
  node.addEventListener('click', () => pressButton(button, node));
  return node;
}

function renderButtonRow(buttons, renderButton) {
  return element('div', { className: 'button-row' }, buttons.map(renderButton));
}

function renderBars(block) {
  const container = element('div', { className: 'bars' }, [block.title ? element('h4', { text: block.title }) : null]);
  for (const bar of block.bars || []) container.append(renderBar(bar));
  return container;
}

function renderBar(bar) {
  const share = bar.max > 0 ? Math.max(0, Math.min(1, bar.value / bar.max)) : 0;
  const fill = element('div', { className: 'bar-fill' });
  fill.style.width = `${(share * 100).toFixed(1)}%`;
  return element('div', { className: 'bar-row' }, [
    element('span', { className: 'bar-label', text: bar.label }),
    element('div', { className: 'bar-track', attrs: { 'aria-hidden': 'true' } }, [fill]),
    element('span', { className: 'bar-value', text: bar.valueText }),
  ]);
}

/** A chart, with its alt text for screen readers (and shown instead when the link has expired). */
function renderImage(block) {
  const img = element('img', { attrs: { src: safeUrl(block.url), alt: block.alt || '' } });
  return element('figure', { className: 'chart' }, [img]);
}

/** A file to download: a link with its name and kind. */
function renderFile(block) {
  const link = element('a', { className: 'file', text: block.name, attrs: { href: safeUrl(block.url), download: block.name || '' } });
  return element('p', { className: 'file-row' }, [link, element('span', { className: 'context', text: ` (${block.mediaType || ''})` })]);
}

/** Only the bot's own links (relative, or http/https): never javascript: or data: from a message. */
function safeUrl(url) {
  const value = String(url || '');
  return /^(https?:\/\/|\/)/i.test(value) ? value : '#';
}

// ---------------------------------------------------------------- forms

let fieldCounter = 0;

function renderForm(block) {
  const form = element('form', { className: 'chat-form', attrs: { 'aria-label': block.title || 'Formular' } });
  if (block.title) form.append(element('h3', { text: block.title }));
  for (const field of block.fields || []) form.append(renderFormField(field));
  const submit = element('button', { className: 'button primary', text: block.submitLabel || 'Send', attrs: { type: 'submit' } });
  form.append(element('div', { className: 'button-row' }, [submit]));
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitForm(block, form, submit);
  });
  return form;
}

function renderFormField(field) {
  const id = `field-${++fieldCounter}`;
  const input = renderInput(field, id);
  // The mark stays outside the label so the field's name is the label alone; `required` tells assistive tech.
  const labelRow = element('div', { className: 'label-row' }, [
    element('label', { text: field.label, attrs: { for: id } }),
    field.required ? element('span', { className: 'required-mark', text: '*', attrs: { 'aria-hidden': 'true' } }) : null,
  ]);
  const wrapper = element('div', { className: 'form-field' }, [labelRow, input]);
  if (field.hint) {
    const hint = element('span', { className: 'hint', text: field.hint, attrs: { id: `${id}-hint` } });
    input.setAttribute('aria-describedby', hint.id);
    wrapper.append(hint);
  }
  return wrapper;
}

function renderInput(field, id) {
  const common = { name: field.name, id, required: Boolean(field.required) };
  const initial = field.initialValue || '';
  switch (field.type) {
    case 'MULTILINE':
      return element('textarea', { props: { ...common, value: initial, maxLength: 4000 } });
    case 'DATE':
      return element('input', { props: { ...common, type: 'date', value: initial } });
    case 'SELECT':
      return renderSelect(common, field.options || [], [initial], !field.required || !initial);
    case 'USERS':
      return renderPeoplePicker(field, id, initial.split(',').filter(Boolean));
    case 'CHANNEL':
      return renderSelect(common, channelOptions(), [initial], !field.required || !initial);
    default:
      return element('input', { props: { ...common, type: 'text', value: initial, maxLength: 4000 } });
  }
}

function renderSelect(props, options, selectedValues, withEmptyChoice) {
  const select = element('select', { props });
  if (withEmptyChoice) select.append(element('option', { text: '– vælg –', props: { value: '' } }));
  for (const option of options) {
    select.append(element('option', {
      text: option.label,
      props: { value: option.value, selected: selectedValues.includes(option.value) },
    }));
  }
  return select;
}

/**
 * People to pick: a search box that narrows a list of checkboxes (no Ctrl-click), and a count of those
 * chosen. The label of the field names the search box; each checkbox is named by the person.
 */
function renderPeoplePicker(field, id, chosen) {
  const search = element('input', {
    className: 'people-search',
    attrs: { type: 'search', autocomplete: 'off', placeholder: 'Søg efter navn …' },
    props: { id },
  });
  const count = element('span', { className: 'people-count', attrs: { 'aria-live': 'polite' } });
  const list = element('div', { className: 'people-list', attrs: { role: 'group', 'aria-label': `${field.label}: personer` } });
  for (const user of state.users) {
    const box = element('input', {
      attrs: { type: 'checkbox', 'data-people': field.name },
      props: { value: user.id, checked: chosen.includes(user.id) },
    });
    list.append(element('label', { className: 'person' }, [box, element('span', { text: user.name })]));
  }
  const updateCount = () => {
    const n = list.querySelectorAll('input:checked').length;
    count.textContent = n === 1 ? '1 valgt' : `${n} valgt`;
  };
  search.addEventListener('input', () => {
    const wanted = search.value.trim().toLocaleLowerCase('da');
    for (const person of list.children) {
      person.hidden = Boolean(wanted) && !person.textContent.toLocaleLowerCase('da').includes(wanted);
    }
  });
  // Enter in the search box picks the one person it narrowed to, rather than sending the form.
  search.addEventListener('keydown', event => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const shown = Array.from(list.children).filter(person => !person.hidden);
    if (shown.length === 1) {
      const box = shown[0].querySelector('input');
      box.checked = !box.checked;
      updateCount();
    }
  });
  list.addEventListener('change', updateCount);
  updateCount();
  return element('div', { className: 'people-picker' }, [search, count, list]);
}

function channelOptions() {
  return state.conversations.filter(c => !c.direct).map(c => ({ value: c.id, label: c.name }));
}

/** A form's values by field name; a people picker gives its ids comma-separated. */
function formValues(block, form) {
  const values = {};
  for (const field of block.fields || []) {
    if (field.type === 'USERS') {
      values[field.name] = Array.from(form.querySelectorAll(`input[data-people="${CSS.escape(field.name)}"]:checked`),
        box => box.value).join(',');
      continue;
    }
    const input = form.elements.namedItem(field.name);
    if (!input) continue;
    values[field.name] = input.value;
  }
  return { ...values, ...(block.hidden || {}) };
}

// ---------------------------------------------------------------- message pane

function renderMessage(entry) {
  const blocks = (entry.message && entry.message.blocks) || [];
  const article = element('article', {
    className: entry.ephemeral ? 'message ephemeral' : 'message',
    attrs: { 'aria-label': entry.ephemeral ? `Besked fra ${BOT_NAME}, kun til dig` : `Besked fra ${BOT_NAME}` },
  }, [element('span', { className: 'sender', text: BOT_NAME, attrs: { 'aria-hidden': 'true' } })]);
  // A reply to a command typed in a channel: only the asker sees it, as in Slack, and it is not kept.
  if (entry.ephemeral) {
    article.append(element('p', { className: 'only-you', text: 'Kun synligt for dig – de andre i kanalen ser det ikke, og det forsvinder, når du genindlæser.' }));
  }
  for (const block of blocks) article.append(renderBlock(block));
  article.dataset.key = entryKey(entry);
  article.dataset.seq = String(entry.seq);
  return article;
}

let ephemeralCounter = 0;

/** Messages with a replace key are one message that changes; others are identified by seq (unstored ones by a counter). */
function entryKey(entry) {
  if (entry.ephemeral) return `only-you:${++ephemeralCounter}`;
  return entry.replaceKey ? `key:${entry.replaceKey}` : `seq:${entry.seq}`;
}

function findMessage(key) {
  return Array.from(dom.messages.children).find(node => node.dataset.key === key) || null;
}

/**
 * Shows an entry: new ones at the end, a replacement in place (a reposted one at the end, where the person is
 * looking); one already shown (or older) is left alone. Returns whether it was a repost.
 */
function showEntry(entry) {
  const existing = findMessage(entryKey(entry));
  // A replaced message keeps its seq: it is shown again only when its content changed.
  const content = JSON.stringify(entry.message);
  if (existing && !entry.ephemeral && (Number(existing.dataset.seq) > entry.seq
    || (Number(existing.dataset.seq) === entry.seq && existing.dataset.content === content))) return false;
  const node = renderMessage(entry);
  node.dataset.content = content;
  const repost = Boolean(entry.message && entry.message.repost);
  if (existing && !repost) {
    existing.replaceWith(node);
    removeEmptyNotice();
    return false;
  }
  if (existing) existing.remove();
  dom.messages.append(node);
  removeEmptyNotice();
  return repost;
}

function showEntries(entries) {
  const follow = isScrolledToBottom();
  const reposted = entries.map(showEntry).some(Boolean);
  if ((follow || reposted) && entries.length) scrollToBottom();
}

/** What the user typed, shown here only: it is never stored. */
function showEcho(text) {
  dom.messages.append(element('article', { className: 'message echo', attrs: { 'aria-label': 'Din besked' } }, [
    element('span', { className: 'sender', text: 'Du' }),
    element('p', { text }),
  ]));
  removeEmptyNotice();
  scrollToBottom();
}

function showEmptyNotice() {
  dom.messages.replaceChildren(element('p', { className: 'empty', text: 'Ingen beskeder endnu. Skriv »hjælp« for at komme i gang.' }));
}

function removeEmptyNotice() {
  const notice = dom.messages.querySelector('.empty');
  if (notice) notice.remove();
}

// ---------------------------------------------------------------- sending

async function sendText(text) {
  showEcho(text);
  await sendToBot('/api/chat/messages', { text }, []);
}

function pressButton(button, node) {
  const message = node.closest('.message');
  const controls = Array.from(message.querySelectorAll('button'));
  return sendToBot('/api/chat/actions', { action: button.action, value: button.value }, controls, message.dataset.key);
}

function submitForm(block, form, submitButton) {
  return sendToBot('/api/chat/forms', { formId: block.formId, values: formValues(block, form) }, [submitButton]);
}

/**
 * Posts an event; the controls are disabled meanwhile so a double click sends once. After a button in a
 * message, the keyboard focus goes back into that message as it now is (the next question's chosen or
 * first answer), so answering by keyboard needs no mouse.
 */
async function sendToBot(path, fields, controls, messageKey) {
  const view = state.view;
  controls.forEach(control => { control.disabled = true; });
  setBusy(true);
  showStatus('Sender …');
  try {
    const result = await postToBot(path, fields);
    if (view !== state.view) return;
    showEntries(result.replies || []);
    showStatus('');
  } catch (e) {
    if (view === state.view) showStatus(e.message, true);
  } finally {
    controls.forEach(control => { control.disabled = false; });
    if (view === state.view) {
      if (messageKey) focusInMessage(messageKey);
      setBusy(false);
    }
  }
}

function focusInMessage(key) {
  const message = findMessage(key);
  if (!message) return;
  const target = message.querySelector('.choice[aria-pressed="true"]') || message.querySelector('.choice')
    || message.querySelector('button:not(:disabled), input, select, textarea');
  if (target) target.focus();
  else dom.composerInput.focus();
}

// ---------------------------------------------------------------- polling

function schedulePoll(delay = POLL_INTERVAL_MS) {
  clearTimeout(state.pollTimer);
  state.pollTimer = setTimeout(poll, delay);
}

async function poll() {
  const view = state.view;
  try {
    const page = await fetchMessages(state.userId, state.conversationId, state.lastSeq);
    if (view !== state.view) return;
    showEntries(page.messages);
    for (const entry of page.messages) state.lastSeq = Math.max(state.lastSeq, entry.seq);
    if (dom.status.classList.contains('error')) showStatus('');
    await refreshConversationsNow(view);
    schedulePoll(page.more ? 0 : POLL_INTERVAL_MS);
  } catch (e) {
    if (view !== state.view) return;
    showStatus(e.message, true);
    schedulePoll();
  }
}

/** New channels appear when the bot first posts in them; the list is refreshed every few polls. */
async function refreshConversationsNow(view) {
  if (++state.pollsSinceRefresh < CONVERSATION_REFRESH_POLLS) return;
  state.pollsSinceRefresh = 0;
  const conversations = await fetchConversations(state.userId);
  // Re-rendering only on change keeps the keyboard focus in the list.
  if (view === state.view && JSON.stringify(conversations) !== JSON.stringify(state.conversations)) {
    showConversations(conversations);
  }
}

// ---------------------------------------------------------------- users and conversations

function showUsers(users) {
  dom.userSelect.replaceChildren(...users.map(user => element('option', { text: user.name, props: { value: user.id } })));
}

function showConversations(conversations) {
  state.conversations = conversations;
  dom.conversationList.replaceChildren(...conversations.map(renderConversationItem));
}

function renderConversationItem(conversation) {
  const button = element('button', { attrs: { type: 'button' } }, [
    element('span', { text: conversation.name }),
    element('span', { className: 'conversation-kind', text: conversation.direct ? 'Direkte besked' : 'Kanal' }),
  ]);
  if (conversation.id === state.conversationId) button.setAttribute('aria-current', 'true');
  button.addEventListener('click', () => openConversation(conversation.id, { focusComposer: true }));
  return element('li', {}, [button]);
}

async function selectUser(userId, conversationId) {
  setBusy(true);
  state.userId = userId;
  state.view++;
  dom.userSelect.value = userId;
  try {
    const conversations = await fetchConversations(userId);
    const wanted = conversations.find(c => c.id === conversationId) || conversations[0];
    state.conversations = conversations;
    await openConversation(wanted.id);
  } catch (e) {
    showStatus(e.message, true);
    setBusy(false);
  }
}

async function openConversation(conversationId, { focusComposer = false } = {}) {
  setBusy(true);
  const view = ++state.view;
  state.conversationId = conversationId;
  state.lastSeq = 0;
  state.pollsSinceRefresh = 0;
  clearTimeout(state.pollTimer);
  showConversations(state.conversations);
  const conversation = state.conversations.find(c => c.id === conversationId);
  dom.title.textContent = conversation.direct ? `${BOT_NAME} – direkte besked` : conversation.name;
  showEmptyNotice();
  showStatus('');
  rememberView();
  if (focusComposer) dom.composerInput.focus();
  await poll();
  if (view === state.view) setBusy(false);
}

/** Keeps the chosen user and conversation in the address, so a reload returns to them. */
function rememberView() {
  const params = new URLSearchParams({ user: state.userId, conversation: state.conversationId });
  history.replaceState(null, '', `#${params}`);
}

function rememberedView() {
  const params = new URLSearchParams(location.hash.slice(1));
  return { userId: params.get('user'), conversationId: params.get('conversation') };
}

// ---------------------------------------------------------------- composer and start

function onComposerSubmit(event) {
  event.preventDefault();
  const text = dom.composerInput.value;
  if (!text.trim()) return;
  dom.composerInput.value = '';
  sendText(text);
}

function onComposerKey(event) {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    dom.composer.requestSubmit();
  }
}

async function start() {
  dom.composer.addEventListener('submit', onComposerSubmit);
  dom.composerInput.addEventListener('keydown', onComposerKey);
  dom.userSelect.addEventListener('change', () => selectUser(dom.userSelect.value, null));
  try {
    state.users = await fetchUsers();
  } catch (e) {
    showStatus(e.message, true);
    return;
  }
  if (!state.users.length) {
    showStatus('Organisationen har ingen brugere endnu.', true);
    return;
  }
  showUsers(state.users);
  const remembered = rememberedView();
  const user = state.users.find(u => u.id === remembered.userId) || state.users[0];
  await selectUser(user.id, remembered.conversationId);
}

start();
