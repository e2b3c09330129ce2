/**
 * Quiz scoring, with no DOM: answers in, a result out. The same answers always give the
 * same result; ties between themes go to the one listed first in themes.yml.
 */

const MAX_THEMES = 3
const MAX_TIPS = 6
const MAX_ARTICLES = 2
const HELP_THEME = 'professional-help'

/** Add up each theme's weight over the chosen answers ({questionId: answerId}). */
export function scoreAnswers (data, answers) {
  const scores = {}
  const signals = new Set()
  for (const question of data.questions) {
    const answer = question.answers.find((a) => a.id === answers[question.id])
    if (!answer) continue
    for (const [slug, weight] of Object.entries(answer.themes || {})) scores[slug] = (scores[slug] || 0) + weight
    for (const signal of answer.signals || []) signals.add(signal)
  }
  return { scores, signals }
}

/** The two or three themes that fit best: a third only if it scores at least half the first. */
export function topThemes (data, scores, { safety = false, seekHelp = false } = {}) {
  let ranked = data.themes
    .map((theme, order) => ({ slug: theme.slug, score: scores[theme.slug] || 0, order }))
    .filter((theme) => theme.score > 0 && !(safety && theme.slug === HELP_THEME))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_THEMES)
  if (ranked.length === MAX_THEMES && ranked[2].score * 2 < ranked[0].score) ranked = ranked.slice(0, 2)
  const slugs = ranked.map((theme) => theme.slug)
  if (seekHelp && !safety && !slugs.includes(HELP_THEME)) {
    if (slugs.length < MAX_THEMES) slugs.push(HELP_THEME)
    else slugs[slugs.length - 1] = HELP_THEME
  }
  return slugs
}

/** Tips taken in turn from each top theme (3 to 6, no repeats), and 1 or 2 articles. */
export function recommend (data, slugs) {
  const themes = slugs.map((slug) => data.themes.find((theme) => theme.slug === slug))
  const tips = []
  const seen = new Set()
  const perTheme = Math.ceil(MAX_TIPS / Math.max(themes.length, 1))
  const queues = themes.map((theme) => [...theme.tips])
  for (let round = 0; round < perTheme; round++) {
    for (const queue of queues) {
      while (queue.length && seen.has(queue[0].url)) queue.shift()
      const tip = queue.shift()
      if (tip && tips.length < MAX_TIPS) {
        seen.add(tip.url)
        tips.push(tip)
      }
    }
  }
  const articles = []
  for (const theme of themes) {
    const article = theme.articles.find((a) => !articles.some((b) => b.url === a.url))
    if (article && articles.length < MAX_ARTICLES) articles.push(article)
  }
  return { tips, articles }
}

/** The whole result for a set of answers. */
export function quizResult (data, answers) {
  const { scores, signals } = scoreAnswers(data, answers)
  const safety = signals.has('safety')
  const seekHelp = signals.has('seek-help')
  const themes = topThemes(data, scores, { safety, seekHelp })
  const { tips, articles } = safety ? { tips: [], articles: [] } : recommend(data, themes)
  return { safety, seekHelp, scores, themes, tips, articles }
}

/** Answers as a URL hash, e.g. "#talk=flat&time=this-week"; nothing else is kept anywhere. */
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

export function isComplete (data, answers) {
  return data.questions.every((question) => answers[question.id])
}
