/**
 * Ranking by meaning, on top of lunr's scores, with no DOM and no lunr: the same for one
 * index or many shards.
 *
 * - Related words: each query word also looks for the other words of its group in
 *   content/search-words.yml (shipped stemmed, as the index holds words), at a lower boost.
 * - Coverage: a result that matches more of the reader's meaningful words ranks above one
 *   that matches fewer, whatever lunr's score; a rare word counts more than a common one, a
 *   related word less than the reader's own, and a filler word ("never", "really") almost
 *   nothing, so filler never decides the top result on its own. Within the same coverage,
 *   lunr's score (title, themes and summary above body) decides, as before.
 */

const RELATED_CREDIT = 0.6
const FILLER_WEIGHT = 0.05
// Coverage is compared in steps, so two results that cover nearly the same share of the
// query are ordered by lunr's score rather than by a rounding difference.
const STEPS = 20

/** Look-ups for the groups the page carries: a stem's group, and multi-word entries. */
export function relatedIndex (data) {
  const groupOf = new Map()
  const phrases = []
  ;(data && data.related ? data.related : []).forEach((group, number) => {
    for (const entry of group) {
      const words = entry.split(' ')
      if (words.length === 1) groupOf.set(entry, number)
      else phrases.push({ words, number })
    }
  })
  const singles = (data && data.related ? data.related : []).map((group) => group.filter((entry) => !entry.includes(' ')))
  return { groupOf, phrases, singles, filler: new Set((data && data.filler) || []) }
}

/** Whether two words are within ``most`` edits (insert, delete, substitute) of each other. */
export function withinEdits (a, b, most) {
  if (Math.abs(a.length - b.length) > most) return false
  let previous = Array.from({ length: b.length + 1 }, (_, at) => at)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    if (Math.min(...row) > most) return false
    previous = row
  }
  return previous[b.length] <= most
}

/** The group of a stem; with ``typos``, also of a group word a few letters away. */
function groupFor (stem, related, typos) {
  const number = related.groupOf.get(stem)
  if (number !== undefined || !typos || stem.length < 4) return number
  const most = stem.length >= 7 ? 2 : 1
  for (const [word, group] of related.groupOf) if (withinEdits(stem, word, most)) return group
  return undefined
}

/**
 * For the stems of a reader's words, the related stems each word should also look for: the
 * single-word entries of its group (a phrase such as "make up" is too loose to look for, but
 * a reader's phrase finds its group), without the reader's own words. With ``typos`` (when
 * nothing matched as typed), a misspelt word finds the group of the word it is close to.
 */
export function relatedTerms (stems, related, typos = false) {
  const own = new Set(stems)
  const groups = stems.map((stem) => {
    const number = groupFor(stem, related, typos)
    return number === undefined ? new Set() : new Set([number])
  })
  for (const { words, number } of related.phrases) {
    for (let start = 0; start + words.length <= stems.length; start++) {
      if (words.every((word, offset) => stems[start + offset] === word)) {
        for (let at = start; at < start + words.length; at++) groups[at].add(number)
      }
    }
  }
  return groups.map((numbers) => {
    const terms = new Set()
    for (const number of numbers) {
      for (const term of related.singles[number]) if (!own.has(term)) terms.add(term)
    }
    return [...terms]
  })
}

/**
 * Which query word a matched index term stands for, and whether as a related word.
 * ``plan`` lists, per word, its stem, what it was typed as, and its related stems.
 */
export function attributer (plan) {
  const related = new Map()
  plan.forEach(({ relatedStems }, word) => {
    for (const term of relatedStems) if (!related.has(term)) related.set(term, word)
  })
  return (term) => {
    // The reader's own word first: exact, then as a prefix (an unfinished or longer form).
    for (let word = 0; word < plan.length; word++) {
      if (term === plan[word].stem || term === plan[word].typed) return { word, related: false }
    }
    for (let word = 0; word < plan.length; word++) {
      const { stem, typed } = plan[word]
      if ((stem.length >= 3 && term.startsWith(stem)) || (typed.length >= 3 && term.startsWith(typed))) {
        return { word, related: false }
      }
    }
    return related.has(term) ? { word: related.get(term), related: true } : null
  }
}

/**
 * How well each hit covers each query word, from the terms it matched: a flat array with
 * ``plan.length`` entries per hit (1 = the reader's word, RELATED_CREDIT = a related word).
 * ``termsOf(at)`` lists the index terms hit ``at`` matched.
 */
export function creditsFromTerms (count, termsOf, plan) {
  const attribute = attributer(plan)
  const words = plan.length
  const credit = new Float64Array(count * words)
  for (let at = 0; at < count; at++) {
    for (const term of termsOf(at)) {
      const hit = attribute(term)
      if (hit) credit[at * words + hit.word] = Math.max(credit[at * words + hit.word], hit.related ? RELATED_CREDIT : 1)
    }
  }
  return credit
}

/**
 * The same credits from postings: ``hitsOf(term)`` calls back with the position of every hit
 * holding the term. Each term is attributed once, so a term matching thousands of items costs
 * one look-up per item, as scoring it did.
 */
export function creditsFromPostings (count, terms, hitsOf, plan) {
  const attribute = attributer(plan)
  const words = plan.length
  const credit = new Float64Array(count * words)
  for (const term of terms) {
    const hit = attribute(term)
    if (!hit) continue
    const value = hit.related ? RELATED_CREDIT : 1
    hitsOf(term, (at) => {
      const slot = at * words + hit.word
      if (credit[slot] < value) credit[slot] = value
    })
  }
  return credit
}

/**
 * New scores: coverage of the reader's words first (in steps), lunr's score within a step.
 * ``credit`` comes from creditsFromTerms or creditsFromPostings; ``docCount`` is the site's size.
 */
export function coverageScores (scores, credit, plan, isFiller, docCount) {
  const words = plan.length
  const found = new Float64Array(words)
  for (let at = 0; at < scores.length; at++) {
    for (let word = 0; word < words; word++) if (credit[at * words + word] === 1) found[word]++
  }
  // A word found in few items tells more about what the reader wants than one found in many.
  const weights = plan.map(({ stem }, word) => {
    const rarity = Math.log(1 + docCount / Math.max(1, found[word]))
    return isFiller(stem) ? FILLER_WEIGHT * rarity : rarity
  })
  const total = weights.reduce((sum, weight) => sum + weight, 0) || 1
  let top = 0
  for (const score of scores) if (score > top) top = score
  return Float64Array.from(scores, (score, at) => {
    let covered = 0
    for (let word = 0; word < words; word++) covered += weights[word] * credit[at * words + word]
    const step = Math.round((covered / total) * STEPS)
    return step * (top + 1) + score
  })
}

/** For tests in Node: the related stems of each stem, from the data the page carries. */
export function relatedFor (stems, data, typos) {
  return relatedTerms(stems, relatedIndex(data), typos)
}

/** For tests in Node: hit positions in the order coverageScores gives them. */
export function coverageOrder (scores, matched, plan, filler, docCount) {
  const filled = new Set(filler)
  const credit = creditsFromTerms(scores.length, (at) => matched[at], plan)
  const ranked = coverageScores(scores, credit, plan, (stem) => filled.has(stem), docCount)
  return scores.map((_, at) => at).sort((a, b) => ranked[b] - ranked[a] || a - b)
}

/** For tests in Node: credits worked out from each hit's terms and from postings, side by side. */
export function creditsBothWays (matched, plan) {
  const terms = [...new Set(matched.flat())]
  const hitsOf = (term, visit) => matched.forEach((list, at) => { if (list.includes(term)) visit(at) })
  return [
    Array.from(creditsFromTerms(matched.length, (at) => matched[at], plan)),
    Array.from(creditsFromPostings(matched.length, terms, hitsOf, plan))
  ]
}
