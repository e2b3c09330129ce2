/**
 * Quiz scoring, with no DOM: answers in, a result out. The same answers always give the
 * same result. Ties between themes are broken by the reader's own answers (see
 * content/README.md, "How the result is chosen"), never by the order of themes.yml.
 * Every slug and every word comes from the page data; this module holds rules only.
 */

const MAX_THEMES = 3
const PLAN_TIPS = 5
const MAX_REFLECTIONS = 3
const EFFORT_RANK = { easy: 0, '': 1, moderate: 2, deep: 3 }

/** The answer the reader chose for each question, in the quiz's order. */
export function chosenAnswers (data, answers) {
  const chosen = []
  data.questions.forEach((question, position) => {
    const answer = question.answers.find((a) => a.id === answers[question.id])
    if (answer) chosen.push({ ...answer, position })
  })
  return chosen
}

/**
 * Each theme's evidence from the answers: total weight, how many answers point to it, its
 * strongest single answer, the first question giving that strongest weight, and the place
 * the theme holds inside that answer's weights. Also the set of signals sent.
 */
export function scoreAnswers (data, answers) {
  const scores = {}
  const signals = new Set()
  for (const answer of chosenAnswers(data, answers)) {
    answer.weights.forEach(([slug, weight], place) => {
      const s = scores[slug] || (scores[slug] = { total: 0, count: 0, strongest: 0, first: Infinity, place: 0 })
      s.total += weight
      s.count += 1
      if (weight > s.strongest) Object.assign(s, { strongest: weight, first: answer.position, place })
    })
    for (const signal of answer.signals || []) signals.add(signal)
  }
  return { scores, signals }
}

/** Sort order of two themes' evidence: more weight, more answers, a stronger answer, an earlier answer. */
export function compareEvidence (a, b) {
  return b.total - a.total || b.count - a.count || b.strongest - a.strongest || a.first - b.first ||
    a.place - b.place || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
}

/** Every theme with weight, best first; the support theme is left out (it gets its own line). */
export function rankThemes (scores, supportTheme) {
  return Object.entries(scores)
    .filter(([slug, s]) => s.total > 0 && slug !== supportTheme)
    .map(([slug, s]) => ({ slug, ...s }))
    .sort(compareEvidence)
}

/** The two or three themes that fit best: a third only if it weighs at least half the first. */
export function topThemes (scores, supportTheme) {
  let ranked = rankThemes(scores, supportTheme).slice(0, MAX_THEMES)
  if (ranked.length === MAX_THEMES && ranked[2].total * 2 < ranked[0].total) ranked = ranked.slice(0, 2)
  return ranked.map((theme) => theme.slug)
}

/** Whether "Getting support" is shown: seek-help was sent, or the support theme weighs as much as a top theme. */
export function needsSupport (scores, signals, supportTheme, themes) {
  if (signals.has('seek-help')) return true
  const support = scores[supportTheme]
  if (!support || !themes.length) return false
  const last = scores[themes[themes.length - 1]]
  return compareEvidence({ slug: supportTheme, ...support }, { slug: themes[themes.length - 1], ...last }) < 0
}

/** Easiest first: effort (easy, unmarked, moderate, deep), then minutes (unknown last). */
export function compareEase (a, b) {
  const effort = (tip) => EFFORT_RANK[tip.effort] ?? EFFORT_RANK['']
  const minutes = (tip) => (typeof tip.minutes === 'number' ? tip.minutes : Infinity)
  return effort(a) - effort(b) || minutes(a) - minutes(b)
}

/** A copy of a list of tips, easiest first. */
export function sortedByEase (tips) {
  return [...tips].sort(compareEase)
}

/** 3 to 5 tips taken in turn from the top themes (no repeats, none led by the support theme), easiest first. */
export function planTips (data, slugs) {
  const queues = slugs.map((slug) => [...themeOf(data, slug).tips])
  const tips = []
  const seen = new Set()
  while (tips.length < PLAN_TIPS && queues.some((queue) => queue.length)) {
    for (const queue of queues) {
      while (queue.length && (seen.has(queue[0].url) || queue[0].lead === data.supportTheme)) queue.shift()
      const tip = queue.shift()
      if (tip && tips.length < PLAN_TIPS) {
        seen.add(tip.url)
        tips.push(tip)
      }
    }
  }
  return sortedByEase(tips)
}

/** One article to read: the first one of the best theme that has any. */
export function planArticle (data, slugs) {
  for (const slug of slugs) {
    const article = themeOf(data, slug).articles[0]
    if (article) return article
  }
  return null
}

/**
 * Up to three of the reader's own answers, said back in plain words: those that point to the
 * result's themes (or ask for support), strongest first, then shown in the order answered.
 */
export function reflections (data, answers, slugs, supportTheme) {
  const wanted = new Set([...slugs, supportTheme])
  const strength = (answer) => Math.max(0, ...answer.weights
    .filter(([slug]) => wanted.has(slug)).map(([, weight]) => weight))
  return chosenAnswers(data, answers)
    .filter((answer) => answer.reflection && strength(answer) > 0)
    .sort((a, b) => strength(b) - strength(a) || a.position - b.position)
    .slice(0, MAX_REFLECTIONS)
    .sort((a, b) => a.position - b.position)
    .map((answer) => answer.reflection)
}

/** Join phrases as a list in a sentence: "a", "a and b", "a, b and c" (the "and" comes from the page). */
export function joinPhrases (phrases, and) {
  if (phrases.length < 2) return phrases.join('')
  return `${phrases.slice(0, -1).join(', ')} ${and} ${phrases[phrases.length - 1]}`
}

/** Fill {name} placeholders in a text from the page. */
export function fill (text, values) {
  return String(text).replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole))
}

/** The whole result for a set of answers. */
export function quizResult (data, answers) {
  const { scores, signals } = scoreAnswers(data, answers)
  const safety = signals.has('safety')
  if (safety) return { safety, support: false, themes: [], tips: [], article: null, reflections: [] }
  const supportTheme = data.supportTheme
  const themes = topThemes(scores, supportTheme)
  return {
    safety,
    support: needsSupport(scores, signals, supportTheme, themes),
    themes,
    tips: planTips(data, themes),
    article: planArticle(data, themes),
    reflections: reflections(data, answers, themes, supportTheme)
  }
}

/** Answers as a URL hash, e.g. "#talk=flat&time=this-week"; only ever made on request. */
export function encodeAnswers (data, answers) {
  const params = new URLSearchParams()
  for (const question of data.questions) {
    if (answers[question.id]) params.set(question.id, answers[question.id])
  }
  return `#${params}`
}

/** Read answers back from a hash, keeping only ids the quiz knows. */
export function decodeAnswers (data, hash) {
  const params = new URLSearchParams(String(hash || '').replace(/^#/, ''))
  const answers = {}
  for (const question of data.questions) {
    const id = params.get(question.id)
    if (question.answers.some((answer) => answer.id === id)) answers[question.id] = id
  }
  return answers
}

/** Whether every question has an answer. */
export function isComplete (data, answers) {
  return data.questions.every((question) => answers[question.id])
}

function themeOf (data, slug) {
  return data.themes.find((theme) => theme.slug === slug) || { tips: [], articles: [] }
}
