// puerta search: the browser half. Loaded only once a search box is used (or the
// search page opens with ?q=), by a few lines in every page. It instantiates the wasm
// runtime (no imports, no wasm-bindgen), registers the index of the page's language
// from its manifest and the one file that opening it reads, and fetches the other
// pieces of the index only when a query reads them: the runtime answers
// {"need": [[file, chunk], ...]}, the pieces are fetched in parallel, cached, and
// the call is made again. Then it shows results as you type.
(() => {
  'use strict';
  const WASM_URL = '__PUERTA_WASM__';
  const doc = document;
  const lang = doc.documentElement.lang;
  const forms = Array.from(doc.querySelectorAll('form[data-search]'));
  if (forms.length === 0) return;
  const strings = JSON.parse(forms[0].dataset.strings || '{}');
  const indexBase = new URL(`../../search/${lang}/`, new URL(forms[0].action, location.href)).href;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  // --- the runtime ---------------------------------------------------------------
  let started = null;
  const engine = () => (started = started || start());

  async function fetchBytes(url, init) {
    const response = await fetch(url, init);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  async function instantiate() {
    if (!WASM_URL) throw new Error('this site was built without its search runtime');
    if (WebAssembly.instantiateStreaming) {
      try {
        return (await WebAssembly.instantiateStreaming(fetch(WASM_URL), {})).instance;
      } catch (e) { /* a server without application/wasm: below */ }
    }
    return (await WebAssembly.instantiate(await fetchBytes(WASM_URL), {})).instance;
  }

  async function start() {
    // The manifest names the bundle that opening the index reads: it is fetched while
    // the runtime compiles.
    const opening = fetchBytes(`${indexBase}index.json`, { cache: 'no-cache' }).then((bytes) => {
      const manifest = JSON.parse(decoder.decode(bytes));
      return fetchBytes(indexBase + manifest.open.url).then((bundle) => ({ bytes, manifest, bundle }));
    });
    const [instance, { bytes: manifestBytes, manifest, bundle }] = await Promise.all([instantiate(), opening]);
    const wasm = instance.exports;
    const bytesIn = (bytes) => {
      const ptr = wasm.alloc(bytes.length);
      new Uint8Array(wasm.memory.buffer, ptr, bytes.length).set(bytes);
      return ptr;
    };
    const result = (ptr) => {
      if (!ptr) return null;
      const len = new DataView(wasm.memory.buffer).getUint32(ptr, true);
      const text = decoder.decode(new Uint8Array(wasm.memory.buffer, ptr + 4, len));
      wasm.dealloc(ptr, len + 4);
      return JSON.parse(text);
    };
    const withText = (text, f) => {
      const bytes = encoder.encode(text);
      const ptr = bytesIn(bytes);
      try { return f(ptr, bytes.length); } finally { wasm.dealloc(ptr, bytes.length); }
    };
    const put = (name, offset, bytes) => {
      const data = bytesIn(bytes); // the runtime owns it from here
      const failed = withText(name, (p, n) => result(wasm.put(p, n, offset, data, bytes.length)));
      if (failed) throw new Error(failed.error);
    };
    const declare = (name, size, chunk) => withText(name, (p, n) => wasm.declare(p, n, size, chunk));

    declare('index.json', manifestBytes.length, manifestBytes.length || 1);
    put('index.json', 0, manifestBytes);
    const chunkOf = (name) => manifest.files[name].chunk || manifest.chunk;
    for (const [name, file] of Object.entries(manifest.files)) declare(name, file.size, chunkOf(name));
    let at = 0;
    for (const [name, offset, len] of manifest.open.ranges) {
      put(name, offset, bundle.subarray(at, at + len));
      at += len;
    }

    const pending = new Map();
    const chunk = (name, n) => {
      const key = `${name}#${n}`;
      if (!pending.has(key)) {
        const url = `${indexBase}${manifest.files[name].id}-${n}.bin`;
        const p = fetchBytes(url).then((bytes) => put(name, n * chunkOf(name), bytes));
        p.catch(() => pending.delete(key));
        pending.set(key, p);
      }
      return pending.get(key);
    };
    // Runs a call until the runtime has every piece it reads. A call that found every
    // piece at hand is timed as a performance measure named "puerta-search". Once
    // `stale()` says that a newer query replaced this one (the reader typed on), it
    // fetches nothing more for it and gives null.
    const until = async (call, stale = () => false) => {
      for (let round = 0; round < 16; round += 1) {
        const start = performance.now();
        const answer = call();
        if (round === 0 && !answer.need && !answer.error) performance.measure('puerta-search', { start, end: performance.now() });
        if (answer.error) throw new Error(answer.error);
        if (!answer.need) return answer;
        if (stale()) return null;
        await Promise.all(answer.need.map(([name, n]) => chunk(name, n)));
      }
      throw new Error('the index asked for too many pieces');
    };
    await until(() => withText(lang, (p, n) => result(wasm.open(p, n))));
    return {
      query: (request, stale) => until(() => withText(JSON.stringify(request), (p, n) => result(wasm.query(p, n))), stale),
    };
  }

  // --- the interface -------------------------------------------------------------
  const el = (name, attrs = {}, ...children) => {
    const node = doc.createElement(name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    for (const c of children) node.append(c);
    return node;
  };
  const decode = (html) => {
    const t = doc.createElement('textarea');
    t.innerHTML = html; // a textarea's content is text: entities decoded, nothing parsed
    return t.value;
  };
  // A snippet: escaped text with <mark> (or tantivy's <b>) around the words found,
  // rebuilt from text so that nothing else in it can become markup.
  const snippet = (html) => {
    const p = el('p', { class: 'snippet' });
    let marked = false;
    for (const part of html.split(/(<\/?(?:b|mark)>)/)) {
      if (part === '<b>' || part === '<mark>') marked = true;
      else if (part === '</b>' || part === '</mark>') marked = false;
      else if (part) p.append(marked ? el('mark', {}, decode(part)) : decode(part));
    }
    return p;
  };
  const countText = (n) => {
    const rules = new Intl.PluralRules(strings.lang || lang);
    const template = (strings.count || {})[rules.select(n)] || (strings.count || {}).other || '{n}';
    return template.replace('{n}', n.toLocaleString(strings.lang || lang));
  };
  const searchHref = (form, q) => `${form.action}?q=${encodeURIComponent(q)}`;

  function setup(form) {
    const input = form.querySelector('input[name=q]');
    const status = form.querySelector('[data-search-status]');
    const onPage = form.hasAttribute('data-search-page');
    const box = onPage ? doc.querySelector('[data-search-results]') : el('div', { class: 'search-popup', hidden: '' });
    if (!onPage) form.append(box);
    box.id = box.id || `${input.id}-results`;
    let seq = 0;
    let timer = 0;
    // The search page shows a page of hits, then more on request: each hit shown costs
    // the fetch of its stored text, so the first result must not wait for fifty.
    const PAGE = 10;
    let limit = PAGE;

    const links = () => Array.from(box.querySelectorAll('a'));
    const close = () => { if (!onPage) box.hidden = true; };
    const show = (...nodes) => {
      box.replaceChildren(...nodes);
      box.hidden = false;
    };
    const announce = (text) => { if (status) status.textContent = text; };

    function render(q, answer, focusAt) {
      if (answer.total === 0) {
        const words = q.trim().split(/\s+/).filter(Boolean);
        const nodes = [el('p', { class: 'search-none' }, strings.none.replace('{q}', q.trim()))];
        const better = answer.suggestions || [];
        if (better.length) {
          nodes.push(el('p', {}, strings.did_you_mean),
            el('ul', { class: 'search-did-you-mean' }, ...better.map((s) => el('li', {}, el('a', { href: searchHref(form, s) }, s)))));
        }
        nodes.push(el('p', {}, strings.suggestions),
          el('ul', { class: 'search-browse' }, ...strings.browse.map(([label, href]) => el('li', {}, el('a', { href }, label)))));
        if (words.length > 1) {
          nodes.push(el('p', {}, strings.try_word),
            el('ul', { class: 'search-words' }, ...words.map((w) => el('li', {}, el('a', { href: searchHref(form, w) }, w)))));
        }
        show(...nodes);
        announce(strings.none.replace('{q}', q.trim()));
        return;
      }
      const list = el('ol', { class: 'search-hits', 'aria-label': strings.results });
      for (const hit of answer.hits) {
        const link = el('a', { href: hit.url }, hit.title || hit.url);
        if (hit.lang && hit.lang !== lang) link.setAttribute('lang', hit.lang);
        const kind = el('span', { class: 'badge' }, (strings.kinds || {})[hit.kind] || hit.kind);
        const item = el('li', {}, link, ' ', kind);
        if (hit.snippet) item.append(snippet(hit.snippet));
        list.append(item);
      }
      const count = countText(answer.total);
      const more = () => {
        const button = el('button', { type: 'button', class: 'search-more' }, strings.more);
        button.addEventListener('click', () => { limit += PAGE * 2; run(answer.hits.length); });
        return button;
      };
      const nodes = onPage ? [el('p', { class: 'count' }, count), list, ...(answer.total > answer.hits.length ? [more()] : [])]
        : [list, el('p', { class: 'search-all' }, el('a', { href: searchHref(form, q) }, `${strings.all} (${answer.total})`))];
      show(...nodes);
      announce(count);
      if (focusAt !== undefined) (links()[focusAt] || input).focus();
    }

    // Runs the query in the box; `focusAt`: the hit to focus once shown (after "more").
    async function run(focusAt) {
      const q = input.value;
      const mine = ++seq;
      if (focusAt === undefined) limit = PAGE;
      if (onPage) history.replaceState(null, '', q.trim() ? searchHref(form, q) : form.action);
      if (!q.trim()) { box.replaceChildren(); close(); announce(''); return; }
      if (onPage && !box.hasChildNodes()) announce(strings.loading);
      try {
        const stale = () => mine !== seq;
        const answer = await (await engine()).query({ text: q, limit: onPage ? limit : 6 }, stale);
        if (answer && !stale()) render(q, answer, focusAt);
      } catch (e) {
        if (mine !== seq) return;
        show(el('p', { class: 'search-error' }, strings.error));
        announce(strings.error);
        console.error('puerta search:', e);
      }
    }

    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => run(), 60); });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' && links().length) { e.preventDefault(); links()[0].focus(); }
      if (e.key === 'Escape') close();
    });
    box.addEventListener('keydown', (e) => {
      const all = links();
      const i = all.indexOf(doc.activeElement);
      if (e.key === 'ArrowDown' && i >= 0) { e.preventDefault(); (all[i + 1] || all[i]).focus(); }
      if (e.key === 'ArrowUp' && i >= 0) { e.preventDefault(); (i === 0 ? input : all[i - 1]).focus(); }
      if (e.key === 'Escape') { e.preventDefault(); input.focus(); close(); }
    });
    if (!onPage) {
      form.addEventListener('focusout', (e) => { if (!form.contains(e.relatedTarget)) close(); });
      input.addEventListener('focus', () => { if (box.hasChildNodes() && input.value.trim()) { box.hidden = false; } });
    }
    input.setAttribute('aria-controls', box.id);

    const q = onPage ? new URLSearchParams(location.search).get('q') : null;
    if (q) input.value = q;
    if (input.value.trim()) run();
  }

  forms.forEach(setup);
  engine().catch(() => {}); // start loading now: the box has focus
})();
