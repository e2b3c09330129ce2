/**
 * Ranking by meaning, on top of lunr's scores, with no DOM and no lunr: the same rules, and
 * the same results, for one index or many shards (a sharded site ships each group's postings
 * in a small file of its own: search-engine.js).
 *
 * - Related words: each query word also looks for the other words of its group in
 *   content/search-words.yml (shipped stemmed, as the index holds words), at a lower boost,
 *   where an item says what it is about (title, themes, summary, search words), not in its
 *   body. A group's phrase ("live apart") counts when an item holds all of its words.
 * - A reader's phrase that is in a group ("long distance") is one idea: its words count
 *   only together, so "long" alone does not make an item about long distance.
 * - Coverage: a result that matches more of the reader's meaningful words ranks above one
 *   that matches fewer, whatever lunr's score; a rare word counts more than a common one, a
 *   related word less than the reader's own, a word met only in a body less than one in a
 *   title, themes, summary or an editor's Search_words line, and a filler word ("never",
 *   "really") almost nothing, so filler never decides the top result on its own. Within the
 *   same coverage, lunr's score (title, themes and summary above body) decides, as before.
 */

const RELATED_CREDIT = 0.6
const BODY_CREDIT = 0.35
const FILLER_WEIGHT = 0.05
// Coverage is compared in steps, so two results that cover nearly the same share of the
// query are ordered by lunr's score rather than by a rounding difference.
const STEPS = 20
// Other forms of a word are found through its stem as a prefix; shorter stems match too much.
const PREFIX_STEM = 5

function isConsonant (word, at) {
  const letter = word[at]
  if ('aeiou'.includes(letter)) return false
  return letter !== 'y' || at === 0 || !isConsonant(word, at - 1)
}

function hasVowel (word) {
  for (let at = 0; at < word.length; at++) if (!isConsonant(word, at)) return true
  return false
}

// What Porter's first step may take off after a final "y" ("plays", "played", "playing").
const STEP_ONE_ENDINGS = new Set(['', 's', 'ed', 'ing', 'ings'])

/**
 * lunr.js's stem of a word in the form the index holds it. The index is stemmed by lunr.py,
 * whose Porter stemmer turns a "y" left at the end by its first step into "i" when the rest
 * has a vowel ("play", "played" are "plai"; "money" "monei"; "always" "alwai") and keeps it
 * otherwise ("try"), where lunr.js keeps "y" after a vowel and writes "i" after a consonant.
 * Without this, such words typed by a reader match nothing in the index.
 */
export function indexStem (stem, word) {
  const base = stem.slice(0, -1)
  const endsInY = (y) => word.startsWith(y) && STEP_ONE_ENDINGS.has(word.slice(y.length))
  if (stem.endsWith('y') && hasVowel(base) && endsInY(stem)) return `${base}i`
  if (stem.endsWith('i') && base && !hasVowel(base) && endsInY(`${base}y`)) return `${base}y`
  return stem
}

/**
 * Look-ups for the groups the page carries: a stem's group, multi-word entries, and the
 * entries each group looks for (``relatedTargets``: positions of the few entries the index
 * holds most, chosen by the build; every entry when the list is absent).
 */
export function relatedIndex (data) {
  const groups = (data && data.related) || []
  const targets = (data && data.relatedTargets) || groups.map((group) => group.map((_, position) => position))
  const groupOf = new Map()
  const phrases = []
  groups.forEach((group, number) => {
    for (const entry of group) {
      const words = entry.split(' ')
      if (words.length === 1) groupOf.set(entry, number)
      else phrases.push({ words, number })
    }
  })
  const looked = groups.map((group, number) => (targets[number] || []).map((position) => group[position]))
  return {
    groupOf,
    phrases,
    singles: looked.map((entries) => entries.filter((entry) => !entry.includes(' '))),
    multis: looked.map((entries) => entries.filter((entry) => entry.includes(' ')).map((entry) => entry.split(' '))),
    // Every word a group's postings are looked up for: its single words and its phrases' words.
    words: looked.map((entries) => entries.flatMap((entry) => entry.split(' '))),
    filler: new Set((data && data.filler) || [])
  }
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
 * The plan of a query: for each word, what was typed, its stem, the related single words
 * and phrases it also looks for, and the reader's phrase it belongs to (``span``: the
 * position of the phrase's first word, or -1). With ``typos`` (when nothing matched as
 * typed), a misspelt word finds the group of the word it is close to.
 */
export function planQuery (words, stems, related, typos = false) {
  const groups = stems.map((stem) => {
    const number = groupFor(stem, related, typos)
    return number === undefined ? new Set() : new Set([number])
  })
  const span = stems.map(() => -1)
  for (const { words: phrase, number } of related.phrases) {
    for (let start = 0; start + phrase.length <= stems.length; start++) {
      if (phrase.every((word, offset) => stems[start + offset] === word)) {
        for (let at = start; at < start + phrase.length; at++) {
          groups[at].add(number)
          if (span[at] < 0) span[at] = start
        }
      }
    }
  }
  const own = new Set(stems)
  return words.map((typed, at) => {
    const relatedStems = new Set()
    const relatedPhrases = []
    for (const number of groups[at]) {
      for (const term of related.singles[number]) if (!own.has(term)) relatedStems.add(term)
      for (const phrase of related.multis[number]) {
        const typedIt = span[at] >= 0 && phrase.every((word, offset) => stems[span[at] + offset] === word)
        if (!typedIt) relatedPhrases.push(phrase)
      }
    }
    return { typed, stem: stems[at], relatedStems: [...relatedStems], relatedPhrases, span: span[at], groups: [...groups[at]] }
  })
}

/** For tests and simple callers: the related single words of each stem. */
export function relatedTerms (stems, related, typos = false) {
  return planQuery(stems, stems, related, typos).map((word) => word.relatedStems)
}

/**
 * The extra lunr clauses a plan adds to the reader's own words: related words and the words
 * of related phrases below the reader's words, and each long stem as a prefix, so other
 * forms of a word meet (apologise finds apology).
 */
export function meaningClauses (plan) {
  const clauses = []
  const seen = new Set()
  const add = (term, boost, wildcard = false, related = false) => {
    const key = `${term}|${wildcard}|${related}`
    if (!seen.has(key)) clauses.push({ term, usePipeline: false, boost, wildcard, related })
    seen.add(key)
  }
  for (const { stem, relatedStems, relatedPhrases } of plan) {
    for (const term of relatedStems) add(term, 1, false, true)
    for (const phrase of relatedPhrases) for (const term of phrase) add(term, 0.5, false, true)
    if (stem.length >= PREFIX_STEM) add(stem, 2, true)
  }
  return clauses
}

/**
 * What an index term stands for in a plan: the reader's word it is (exact, or a longer
 * form of it), a related word of it, or a part of a related phrase. A list, since a term
 * can be several of these.
 */
export function termRoles (plan) {
  const related = new Map()
  const add = (term, role) => {
    if (!related.has(term)) related.set(term, [])
    related.get(term).push(role)
  }
  const phrases = []
  plan.forEach(({ relatedStems, relatedPhrases }, word) => {
    for (const term of relatedStems) add(term, { word, related: true })
    for (const phrase of relatedPhrases) {
      const slot = phrases.length
      phrases.push({ word, size: phrase.length })
      phrase.forEach((term, part) => add(term, { word, slot, part }))
    }
  })
  const own = (term) => {
    for (let word = 0; word < plan.length; word++) {
      if (term === plan[word].stem || term === plan[word].typed) return word
    }
    for (let word = 0; word < plan.length; word++) {
      const { stem, typed } = plan[word]
      if ((stem.length >= 3 && term.startsWith(stem)) || (typed.length >= 3 && term.startsWith(typed))) return word
    }
    return -1
  }
  const rolesOf = (term) => {
    const word = own(term)
    const others = related.get(term) || []
    return word >= 0 ? [{ word, related: false }, ...others] : others
  }
  return { rolesOf, phrases }
}

/**
 * A sheet of how well each hit covers each query word. ``add(at, roles, outsideBody)``
 * records one matched term of hit ``at``; ``credits()`` returns a flat array with
 * ``plan.length`` entries per hit: the reader's own word counts 1, a related word or
 * complete related phrase RELATED_CREDIT, each times BODY_CREDIT when met only in a body (a
 * phrase unless every one of its words is met outside the body: "go" in a title and "stay"
 * in the body is not "stay or go" in the title);
 * the words of a reader's phrase share the credit of the phrase as a whole.
 */
export function creditSheet (count, plan, phrases) {
  const words = plan.length
  const own = new Float64Array(count * words)
  const related = new Float64Array(count * words)
  const slots = phrases.length
  const parts = new Uint32Array(count * slots)
  const outside = new Uint32Array(count * slots)
  const raise = (array, slot, value) => { if (array[slot] < value) array[slot] = value }

  function add (at, roles, outsideBody) {
    const field = outsideBody ? 1 : BODY_CREDIT
    for (const role of roles) {
      if (role.slot !== undefined) {
        parts[at * slots + role.slot] |= 1 << role.part
        if (outsideBody) outside[at * slots + role.slot] |= 1 << role.part
      } else {
        raise(role.related ? related : own, at * words + role.word, (role.related ? RELATED_CREDIT : 1) * field)
      }
    }
  }

  function credits () {
    const credit = new Float64Array(count * words)
    const spans = plan.map(({ span }) => span)
    for (let at = 0; at < count; at++) {
      for (let slot = 0; slot < slots; slot++) {
        const all = 2 ** phrases[slot].size - 1
        if (parts[at * slots + slot] === all) {
          const outsideAll = outside[at * slots + slot] === all
          raise(related, at * words + phrases[slot].word, RELATED_CREDIT * (outsideAll ? 1 : BODY_CREDIT))
        }
      }
      for (let word = 0; word < words; word++) {
        const start = spans[word]
        let mine = own[at * words + word]
        if (start >= 0) {
          // The reader's phrase counts as a whole: its weakest word.
          for (let other = start; other < words && spans[other] === start; other++) {
            mine = Math.min(mine, own[at * words + other])
          }
        }
        credit[at * words + word] = Math.max(mine, related[at * words + word])
      }
    }
    return credit
  }

  return { add, credits }
}

/** Credits from each hit's matched terms: ``termsOf(at)`` maps a term to the fields it was found in. */
export function creditsFromTerms (count, termsOf, plan, bodyField) {
  const { rolesOf, phrases } = termRoles(plan)
  const sheet = creditSheet(count, plan, phrases)
  for (let at = 0; at < count; at++) {
    for (const [term, fields] of Object.entries(termsOf(at))) {
      const roles = rolesOf(term)
      if (roles.length) sheet.add(at, roles, fields.some((field) => field !== bodyField))
    }
  }
  return sheet.credits()
}

/**
 * The same credits from postings: ``hitsOf(term, visit)`` calls ``visit(at, field)`` for
 * every hit holding the term, per field. Each term's roles are worked out once, so a term
 * matching thousands of items costs one step per posting, as scoring it did.
 */
export function creditsFromPostings (count, terms, hitsOf, plan, bodyField) {
  const { rolesOf, phrases } = termRoles(plan)
  const sheet = creditSheet(count, plan, phrases)
  for (const term of terms) {
    const roles = rolesOf(term)
    if (roles.length) hitsOf(term, (at, field) => sheet.add(at, roles, field !== bodyField))
  }
  return sheet.credits()
}

/** Whether any term found is one of the reader's own words (not only related words). */
export function foundOwnWords (terms, plan) {
  const { rolesOf } = termRoles(plan)
  return terms.some((term) => rolesOf(term).some((role) => role.related === false))
}

/**
 * New scores: coverage of the reader's words first (in steps), lunr's score within a step.
 * ``credit`` comes from creditsFromTerms or creditsFromPostings; ``docCount`` is the site's size.
 */
export function coverageScores (scores, credit, plan, isFiller, docCount) {
  const words = plan.length
  const hits = scores.length
  const found = new Float64Array(words)
  for (let at = 0; at < hits; at++) {
    for (let word = 0; word < words; word++) if (credit[at * words + word] > 0) found[word]++
  }
  // A word found in few items tells more about what the reader wants than one found in many.
  const weights = plan.map(({ stem }, word) => {
    const rarity = Math.log(1 + docCount / Math.max(1, found[word]))
    return isFiller(stem) ? FILLER_WEIGHT * rarity : rarity
  })
  const total = weights.reduce((sum, weight) => sum + weight, 0) || 1
  let top = 0
  for (let at = 0; at < hits; at++) if (scores[at] > top) top = scores[at]
  const ranked = new Float64Array(hits)
  for (let at = 0; at < hits; at++) {
    let covered = 0
    for (let word = 0; word < words; word++) covered += weights[word] * credit[at * words + word]
    const step = Math.round((covered / total) * STEPS)
    ranked[at] = step * (top + 1) + scores[at]
  }
  return ranked
}
