/**
 * The quiz widget. Without JavaScript the page lists the questions and every theme; this
 * replaces that with one question at a time, a result and a printable plan. Every word and
 * all markup come from the <template> elements of theme/templates/partials/quiz_templates.html;
 * this module only clones and fills them.
 *
 * Answers live only in this page: nothing is sent or stored, and nothing is written to the
 * address bar or the history. A link holding the answers is made only when the reader asks
 * for one, and never for a safety result. Opening such a link shows its result without
 * writing anything.
 */
import { decodeAnswers, encodeAnswers, fill, isComplete, joinPhrases, quizResult } from './quiz-engine.js'

/** A copy of the contents of the <template class="js-quiz-{name}"> inside the widget. */
function clone ($root, name) {
  return $root.querySelector(`template.js-quiz-${name}`).content.cloneNode(true)
}

/** Set an element's text, or hide it when there is none. */
function setText ($node, text) {
  $node.textContent = text || ''
  $node.hidden = !text
}

/** Fill a link: its text from its own data-text pattern, its address from the data. */
function setLink ($link, href, values) {
  $link.href = href
  $link.textContent = $link.dataset.text ? fill($link.dataset.text, values) : values.name
}

function questionView ($root, data, index, chosen) {
  const question = data.questions[index]
  const total = data.questions.length
  const $view = clone($root, 'question')
  const $progress = $view.querySelector('.js-progress')
  $progress.textContent = fill($progress.dataset.text, { number: index + 1, total })
  $view.querySelector('.js-question-title').textContent = question.text
  setText($view.querySelector('.js-hint'), question.hint)
  const $options = question.answers.map((answer, n) => optionView($root, answer, n, chosen))
  $view.querySelector('.js-options').append(...$options)
  $view.querySelector('.js-back').hidden = index === 0
  const $next = $view.querySelector('.js-next')
  if (index === total - 1) $next.textContent = $next.dataset.last
  return $view
}

function optionView ($root, answer, n, chosen) {
  const $view = clone($root, 'option')
  const $input = $view.querySelector('input')
  const id = `quiz-answer-${n}`
  Object.assign($input, { id, value: answer.id, checked: chosen === answer.id })
  $view.querySelector('label').htmlFor = id
  $view.querySelector('.js-answer-text').textContent = answer.text
  return $view
}

function themeView ($root, theme) {
  const $view = clone($root, 'theme')
  $view.querySelector('.js-theme-name').textContent = theme.name
  $view.querySelector('.js-theme-text').textContent = theme.result
  setLink($view.querySelector('.js-theme-link'), theme.url, { name: theme.name.toLowerCase() })
  return $view
}

function tipView ($root, tip) {
  const $view = clone($root, 'tip')
  setLink($view.querySelector('.js-tip-link'), tip.url, { name: tip.title })
  $view.querySelector('.js-tip-summary').textContent = tip.summary
  const $time = $view.querySelector('.js-tip-time')
  const $effort = $view.querySelector('.js-tip-effort')
  $time.querySelector('.js-value').textContent = tip.time
  $effort.querySelector('.js-value').textContent = tip.effort
  $time.hidden = !tip.time
  $effort.hidden = !tip.effort
  $view.querySelector('.js-tip-sep').hidden = !(tip.time && tip.effort)
  $view.querySelector('.tip-meta').hidden = !(tip.time || tip.effort)
  const $steps = $view.querySelector('.js-tip-steps')
  $steps.append(...(tip.steps || []).map((step) => Object.assign(document.createElement('li'), { textContent: step })))
  $steps.hidden = !$steps.childElementCount
  return $view
}

/** The plan's lines: reflection, themes, tips, "Getting support" when it applies, one article. */
function planView ($root, data, result) {
  const $view = clone($root, 'result')
  const themeOf = (slug) => data.themes.find((theme) => theme.slug === slug)
  const $reflection = $view.querySelector('.js-reflection')
  const said = joinPhrases(result.reflections, $reflection.dataset.and)
  setText($reflection, said && fill($reflection.dataset.text, { answers: said }))
  $view.querySelector('.js-themes').append(...result.themes.map((slug) => themeView($root, themeOf(slug))))
  $view.querySelector('.js-plan').append(...result.tips.map((tip) => tipView($root, tip)))
  const support = themeOf(data.supportTheme)
  $view.querySelector('.js-support').hidden = !(result.support && support)
  if (support) {
    $view.querySelector('.js-support-name').textContent = support.name
    $view.querySelector('.js-support-text').textContent = support.result
    setLink($view.querySelector('.js-support-link'), support.url, { name: support.name.toLowerCase() })
  }
  $view.querySelector('.js-article').hidden = !result.article
  const article = result.article
  if (article) setLink($view.querySelector('.js-article-link'), article.url, { name: article.title })
  $view.querySelector('.js-plan-address').textContent = pageAddress()
  const $date = $view.querySelector('.js-plan-date')
  $date.textContent = today($date.dataset.locale)
  return $view
}

/** The quiz page's own address, never with the answers. */
function pageAddress () {
  return window.location.origin + window.location.pathname
}

/** Today's date for the printed plan, in the page's chosen locale. */
function today (locale) {
  const options = { day: 'numeric', month: 'long', year: 'numeric' }
  return new Date().toLocaleDateString(locale || document.documentElement.lang || undefined, options)
}

function shareView ($root, url) {
  const $view = clone($root, 'share')
  $view.querySelector('input').value = url
  return $view
}

export default function initQuiz ($root) {
  const data = JSON.parse($root.querySelector('.js-quiz-data').textContent)
  const answers = {}
  let current = 0
  const $status = Object.assign(document.createElement('p'), { className: 'visually-hidden' })
  $status.setAttribute('role', 'status')
  $status.setAttribute('aria-live', 'polite')
  const $stage = document.createElement('section')
  $root.querySelector('.js-quiz-static').hidden = true
  $root.append($stage, $status)

  function showQuestion (index, focus) {
    current = index
    $stage.className = ''
    $stage.removeAttribute('aria-labelledby')
    $stage.replaceChildren(questionView($root, data, index, answers[data.questions[index].id]))
    const $form = $stage.querySelector('form')
    $form.addEventListener('submit', onSubmit)
    $form.querySelector('.js-back').addEventListener('click', () => showQuestion(index - 1, true))
    if (focus) $stage.querySelector('.js-question-title').focus()
  }

  function onSubmit (event) {
    event.preventDefault()
    const $chosen = $stage.querySelector('input[name="answer"]:checked')
    if (!$chosen) {
      $stage.querySelector('.js-error').hidden = false
      $stage.querySelector('input[name="answer"]').focus()
      return
    }
    answers[data.questions[current].id] = $chosen.value
    if (current < data.questions.length - 1) showQuestion(current + 1, true)
    else showResult(true)
  }

  function showResult (focus) {
    const result = quizResult(data, answers)
    // A safety result is its own template: no plan, no print, no link; nothing to find later.
    $stage.replaceChildren(result.safety ? clone($root, 'safety') : planView($root, data, result))
    $stage.className = 'quiz-result'
    $stage.setAttribute('aria-labelledby', 'quiz-result-title')
    $stage.querySelector('.js-retake').addEventListener('click', retake)
    $stage.querySelector('.js-print')?.addEventListener('click', () => window.print())
    $stage.querySelector('.js-link')?.addEventListener('click', showLink)
    const names = result.themes.map((slug) => data.themes.find((theme) => theme.slug === slug).name)
    $status.textContent = result.safety
      ? $root.dataset.statusSafety
      : fill($root.dataset.statusReady, { themes: names.join(', ') })
    if (focus) $stage.querySelector('#quiz-result-title').focus()
  }

  function showLink () {
    const url = new URL(encodeAnswers(data, answers), pageAddress()).href
    const $slot = $stage.querySelector('.js-share-slot')
    $slot.replaceChildren(shareView($root, url))
    const $field = $slot.querySelector('input')
    $field.focus()
    $field.select()
  }

  function retake () {
    for (const key of Object.keys(answers)) delete answers[key]
    // A shared link's answers leave the address bar when the reader starts again.
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname + window.location.search)
    showQuestion(0, true)
  }

  Object.assign(answers, decodeAnswers(data, window.location.hash))
  if (isComplete(data, answers)) showResult(false)
  else showQuestion(0, false)
}
