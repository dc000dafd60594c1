// newsloom's web page: a small router over the JSON API. Every text from the
// API is put into the page with text nodes (never innerHTML): article text is
// hostile HTML.
'use strict';

const main = document.getElementById('main');
const announcer = document.getElementById('announcer');
const filters = document.getElementById('filters');
const tabs = document.getElementById('category-tabs');
const languageFilter = document.getElementById('language-filter');
const searchForm = document.getElementById('search-form');
const searchInput = document.getElementById('search-input');

// el('a', {href: '#/'}, 'text', childNode, [more children]): builds an element.
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'onclick') node.addEventListener('click', value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return node;
}

// Only web links may leave the page: no javascript:, data: or other schemes.
function safeUrl(url) {
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch (error) {
    return null;
  }
}

function storyHref(id) { return '#/story/' + encodeURIComponent(id); }
function articleHref(id) { return '#/article/' + encodeURIComponent(id); }

async function api(path) {
  const response = await fetch(path, {headers: {Accept: 'application/json'}});
  let body = null;
  try { body = await response.json(); } catch (error) { body = null; }
  if (!response.ok) {
    const message = body && body.error ? body.error : 'HTTP ' + response.status;
    throw new Error(message);
  }
  return body;
}

function formatTime(seconds) {
  if (!seconds) return null;
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  return el('time', {datetime: iso}, iso.slice(0, 10) + ' ' + iso.slice(11, 16) + ' UTC');
}

function plural(count, word) { return count + ' ' + word + (count === 1 ? '' : 's'); }

function show(title, ...nodes) {
  main.replaceChildren(...nodes);
  document.title = title ? title + ' · newsloom' : 'newsloom';
  announcer.textContent = title || 'Top stories';
  window.scrollTo(0, 0);
}

function showError(error) {
  show('Error', el('h1', {}, 'Something went wrong'), el('p', {class: 'status'}, error.message),
       el('p', {}, el('a', {href: '#/'}, 'Back to the top stories')));
}

function parseRoute() {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  return {path, params: new URLSearchParams(query || '')};
}

function frontHref(category, language) {
  const params = new URLSearchParams();
  if (category) params.set('category', category);
  if (language) params.set('language', language);
  const query = params.toString();
  return '#/' + (query ? '?' + query : '');
}

// ---- Front page -----------------------------------------------------------

let facetsLoaded = null;

async function renderFilters(category, language) {
  if (!facetsLoaded) facetsLoaded = api('/api/facets').catch(() => ({categories: [], languages: []}));
  const facets = await facetsLoaded;
  const named = facets.categories.filter((facet) => facet.value);
  tabs.replaceChildren(
      el('li', {}, el('a', {href: frontHref('', language), 'aria-current': category ? null : 'page'}, 'All')),
      ...named.map((facet) => el('li', {}, el('a', {
        href: frontHref(facet.value, language),
        'aria-current': facet.value === category ? 'page' : null,
      }, facet.value[0].toUpperCase() + facet.value.slice(1)))));
  const options = [el('option', {value: ''}, 'All')];
  for (const facet of facets.languages.filter((item) => item.value)) {
    options.push(el('option', {value: facet.value, selected: facet.value === language}, facet.value));
  }
  languageFilter.replaceChildren(...options);
  languageFilter.value = language || '';
  filters.hidden = false;
}

// How many sources a story has, and how many articles when that is more (a
// source's several reports, or articles without an address).
function coverage(story) {
  const sources = story.sources.length;
  return [sources ? el('span', {}, plural(sources, 'source')) : null,
          story.article_count > sources ? el('span', {}, plural(story.article_count, 'article'))
                                        : null];
}

function storyCard(story) {
  const lead = story.summary.length ? story.summary[0].text : '';
  return el('li', {class: 'story-card'},
      el('h2', {}, el('a', {href: storyHref(story.id)}, story.title || story.id)),
      el('p', {class: 'meta'},
         coverage(story),
         story.category ? el('span', {}, story.category) : null,
         story.language ? el('span', {lang: story.language}, story.language) : null,
         formatTime(story.last_updated)),
      lead ? el('p', {}, lead) : null);
}

async function renderFront(params) {
  const category = params.get('category') || '';
  const language = params.get('language') || '';
  await renderFilters(category, language);
  const query = new URLSearchParams({limit: '20'});
  if (category) query.set('category', category);
  if (language) query.set('language', language);
  const list = el('ol', {class: 'story-list', 'aria-label': 'Stories'});
  const more = el('button', {type: 'button', class: 'secondary more'}, 'More stories');
  let cursor = null;
  async function load() {
    if (cursor) query.set('cursor', cursor);
    const page = await api('/api/stories?' + query.toString());
    list.append(...page.stories.map(storyCard));
    cursor = page.next;
    more.hidden = !cursor;
    return page.stories.length;
  }
  const count = await load();
  more.addEventListener('click', () => load().catch(showError));
  const heading = category ? 'Top stories: ' + category : 'Top stories';
  show(heading === 'Top stories' ? '' : heading, el('h1', {class: 'visually-hidden'}, heading),
       count ? list : el('p', {class: 'status'}, 'No stories yet.'), more);
}

// ---- Story page -----------------------------------------------------------

function citation(articleId, numbers, titles) {
  const number = numbers.get(articleId);
  const title = titles.get(articleId) || articleId;
  return el('a', {class: 'cite', href: articleHref(articleId), 'aria-label': 'Source: ' + title},
            '[' + (number || '?') + ']');
}

// `all`: list every article, not only the cited and newest (the page's
// "Show all" button).
async function renderStory(id, all = false) {
  const story = await api('/api/stories/' + encodeURIComponent(id) + (all ? '?articles=all' : ''));
  // Citations are numbered as the "Articles" list below shows them: a big
  // story's page lists its cited and newest articles, not every member.
  const numbers = new Map(story.article_details.map((article, index) => [article.id, index + 1]));
  const titles = new Map(story.article_details.map((article) => [article.id, article.title]));
  const nodes = [
    el('h1', {}, story.title || story.id),
    el('p', {class: 'meta'},
       coverage(story),
       story.category ? el('span', {}, story.category) : null,
       formatTime(story.last_updated)),
    el('p', {class: 'actions'}, 'Follow this story:',
       el('a', {href: '/feeds/story/' + encodeURIComponent(story.id) + '/rss'}, 'RSS'),
       el('a', {href: '/feeds/story/' + encodeURIComponent(story.id) + '/atom'}, 'Atom')),
  ];
  if (story.summary.length) {
    nodes.push(el('section', {'aria-labelledby': 'summary-heading'},
        el('h2', {id: 'summary-heading'}, 'Summary'),
        el('ol', {class: 'summary'}, story.summary.map((sentence) =>
            el('li', {}, sentence.text, ' ', citation(sentence.article, numbers, titles))))));
  }
  if (story.disagreements.length) {
    nodes.push(el('section', {'aria-labelledby': 'disagreements-heading'},
        el('h2', {id: 'disagreements-heading'}, 'Where sources disagree'),
        story.disagreements.map((disagreement) => el('div', {class: 'disagreement'},
            el('h3', {}, disagreement.about),
            el('ul', {}, disagreement.claims.map((claim) =>
                el('li', {}, claim.text, ' ', citation(claim.article, numbers, titles))))))));
  }
  if (story.timeline.length) {
    nodes.push(el('section', {'aria-labelledby': 'timeline-heading'},
        el('h2', {id: 'timeline-heading'}, 'Timeline'),
        el('ol', {class: 'timeline'}, story.timeline.map((event) =>
            el('li', {}, el('time', {datetime: event.date}, event.date), event.text, ' ',
               // The server sends the article an event quotes and the next two
               // that report it, and how many report it.
               event.articles.map((article) => citation(article, numbers, titles)),
               event.article_count > event.articles.length
                   ? el('span', {class: 'meta'}, ' and ' + (event.article_count - event.articles.length) + ' more')
                   : null)))));
  }
  if (story.entities.length) {
    const kinds = {PER: 'People', ORG: 'Organisations', LOC: 'Places', MISC: 'Other names'};
    const groups = Object.keys(kinds).map((type) => [type, story.entities.filter((e) => e.type === type)])
        .filter(([, entities]) => entities.length);
    nodes.push(el('section', {'aria-labelledby': 'entities-heading'},
        el('h2', {id: 'entities-heading'}, 'Who and where'),
        groups.map(([type, entities]) => {
          // Names mentioned once are mostly passing mentions (and the
          // tagger's slips): folded away when there are others to show.
          const repeated = entities.filter((entity) => entity.count > 1);
          const once = repeated.length ? entities.filter((entity) => entity.count <= 1) : [];
          const chips = (list) => el('ul', {class: 'chips'}, list.map((entity) =>
              el('li', {}, entity.name, entity.count > 1 ? ' (' + entity.count + ')' : '')));
          return [
            el('h3', {class: 'meta'}, kinds[type]),
            chips(repeated.length ? repeated : entities),
            once.length ? el('details', {class: 'more-names'},
                             el('summary', {}, plural(once.length, 'more name') + ' mentioned once'),
                             chips(once))
                        : null,
          ];
        })));
  }
  if (story.sources.length) {
    nodes.push(el('section', {'aria-labelledby': 'sources-heading'},
        el('h2', {id: 'sources-heading'}, 'Sources'),
        el('ul', {class: 'chips'}, story.sources.map((source) => el('li', {}, source)))));
  }
  // An item without a headline (a lede from a digest page) is named by the
  // sentence the summary quotes from it, else by its id.
  const quoted = new Map();
  for (const sentence of story.summary || []) {
    if (!quoted.has(sentence.article)) quoted.set(sentence.article, sentence.text);
  }
  const articleName = (article) => article.title || quoted.get(article.id) || article.id;
  nodes.push(el('section', {'aria-labelledby': 'articles-heading'},
      el('h2', {id: 'articles-heading'}, 'Articles'),
      el('ol', {class: 'articles'}, story.article_details.map((article) => {
        const original = safeUrl(article.url);
        return el('li', {},
            el('a', {href: articleHref(article.id)}, articleName(article)),
            el('span', {class: 'meta'}, ' ', article.site || article.source || ''),
            original ? [' — ', el('a', {href: original, rel: 'noopener noreferrer nofollow'},
                                  'original', el('span', {class: 'visually-hidden'},
                                                 ' of ' + articleName(article)))]
                     : null);
      }))));
  if (!all && story.article_count > story.article_details.length) {
    const showAll = el('button', {type: 'button', class: 'secondary more'},
                       'Show all ' + plural(story.article_count, 'article'));
    showAll.addEventListener('click', async () => {
      showAll.disabled = true;
      try {
        await renderStory(id, true);
        document.getElementById('articles-heading').scrollIntoView();
      } catch (error) {
        showError(error);
      }
    });
    nodes.push(el('p', {class: 'actions'}, showAll));
  }
  show(story.title || story.id, ...nodes);
}

// ---- Article page ---------------------------------------------------------

function paragraphNodes(paragraphs) {
  const nodes = [];
  let list = null;
  for (const paragraph of paragraphs) {
    if (paragraph.kind === 'list_item') {
      if (!list) nodes.push(list = el('ul'));
      list.append(el('li', {}, paragraph.text));
      continue;
    }
    list = null;
    if (paragraph.kind === 'heading') nodes.push(el('h2', {}, paragraph.text));
    else if (paragraph.kind === 'quote') nodes.push(el('blockquote', {}, paragraph.text));
    else if (paragraph.kind === 'preformatted') nodes.push(el('pre', {}, paragraph.text));
    else nodes.push(el('p', {}, paragraph.text));
  }
  return nodes;
}

async function renderArticle(id) {
  const article = await api('/api/articles/' + encodeURIComponent(id));
  const original = safeUrl(article.url);
  const summaryBox = el('section', {class: 'article-summary', id: 'article-summary', hidden: true,
                                    'aria-labelledby': 'article-summary-heading', tabindex: '-1'});
  const button = el('button', {type: 'button', 'aria-controls': 'article-summary', 'aria-expanded': 'false'},
                    'Get a summary');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const fresh = await api('/api/articles/' + encodeURIComponent(id));
      summaryBox.replaceChildren(
          el('h2', {id: 'article-summary-heading'}, 'Summary'),
          fresh.summary.length ? el('ul', {}, fresh.summary.map((sentence) => el('li', {}, sentence)))
                               : el('p', {}, 'This article has no text to summarise.'));
      summaryBox.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      summaryBox.focus();
    } catch (error) {
      summaryBox.replaceChildren(el('p', {class: 'status'}, error.message));
      summaryBox.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
  const published = article.published_utc ? formatTime(article.published_utc) : null;
  show(article.title || article.id,
       el('p', {class: 'meta'}, article.stories.map((story) =>
           el('a', {href: storyHref(story.id)}, '← Story: ' + (story.title || story.id)))),
       el('h1', {lang: article.language || null}, article.title || article.id),
       el('p', {class: 'meta'},
          article.site || article.source ? el('span', {}, article.site || article.source) : null,
          article.authors.length ? el('span', {}, article.authors.join(', ')) : null,
          published),
       el('p', {class: 'actions'}, button,
          original ? el('a', {href: original, rel: 'noopener noreferrer nofollow'}, 'Read the original') : null),
       summaryBox,
       article.truncated ? el('p', {class: 'status'}, 'The source page held only a teaser of this article.') : null,
       el('div', {class: 'article-text', lang: article.language || null}, paragraphNodes(article.paragraphs)));
}

// ---- Search ---------------------------------------------------------------

async function renderSearch(params) {
  const text = params.get('q') || '';
  searchInput.value = text;
  if (!text.trim()) {
    show('Search', el('h1', {}, 'Search'), el('p', {class: 'status'}, 'Type words to search for.'));
    return;
  }
  const body = await api('/api/search?' + new URLSearchParams({q: text, limit: '30'}).toString());
  const items = body.results.map((result) => {
    if (result.type === 'story') {
      return el('li', {class: 'story-card'},
          el('span', {class: 'badge'}, 'Story'),
          el('h2', {}, el('a', {href: storyHref(result.id)}, result.title || result.id)),
          el('p', {class: 'meta'}, el('span', {}, plural(result.article_count, 'article')),
             formatTime(result.last_updated)),
          result.summary.length ? el('p', {}, result.summary[0].text) : null);
    }
    return el('li', {class: 'story-card'},
        el('span', {class: 'badge'}, 'Article'),
        el('h2', {}, el('a', {href: articleHref(result.id)}, result.title || result.id)),
        el('p', {class: 'meta'}, result.site || result.source ? el('span', {}, result.site || result.source) : null,
           result.published_utc ? formatTime(result.published_utc) : null),
        result.snippet ? el('p', {class: 'snippet'}, result.snippet) : null);
  });
  const heading = 'Results for “' + text + '”';
  show(heading, el('h1', {}, heading),
       items.length ? el('ol', {class: 'story-list', 'aria-label': 'Search results'}, items)
                    : el('p', {class: 'status'}, 'Nothing found.'));
}

// ---- Router ---------------------------------------------------------------

async function route() {
  const {path, params} = parseRoute();
  try {
    if (path.startsWith('/story/')) {
      filters.hidden = true;
      await renderStory(decodeURIComponent(path.slice('/story/'.length)));
    } else if (path.startsWith('/article/')) {
      filters.hidden = true;
      await renderArticle(decodeURIComponent(path.slice('/article/'.length)));
    } else if (path === '/search') {
      filters.hidden = true;
      await renderSearch(params);
    } else {
      await renderFront(params);
    }
    if (path !== '/' || params.toString()) main.focus({preventScroll: true});
  } catch (error) {
    showError(error);
  }
}

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = searchInput.value.trim();
  if (text) window.location.hash = '#/search?' + new URLSearchParams({q: text}).toString();
});

languageFilter.addEventListener('change', () => {
  const {params} = parseRoute();
  window.location.hash = frontHref(params.get('category') || '', languageFilter.value);
});

window.addEventListener('hashchange', route);
route();
