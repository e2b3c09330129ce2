/**
 * The quiz widget. Without JavaScript the page lists the questions and every theme; this
 * replaces that with one question at a time, a result and a printable plan. Answers live
 * only in this page: nothing is sent or stored, and nothing is written to the address bar or
 * the history. A link holding the answers is made only when the reader asks for one, and
 * never for a safety result. Opening such a link shows its result without writing anything.
 */
import { decodeAnswers, encodeAnswers, isComplete, quizResult } from './quiz-engine.js'

function el (tag, { className, text, attrs } = {}, children = []) {
  const $node = document.createElement(tag)
  if (className) $node.className = className
  if (text !== undefined) $node.textContent = text
  for (const [name, value] of Object.entries(attrs || {})) $node.setAttribute(name, value)
  $node.append(...children)
  return $node
}

function tipItem (tip) {
  const details = [tip.time, tip.effort && `${tip.effort} effort`].filter(Boolean).join(', ')
  return el('li', {}, [
    el('a', { text: tip.title, attrs: { href: tip.url } }),
    el('span', { text: ` – ${tip.summary}${details ? ` (${details})` : ''}` })
  ])
}

export default function initQuiz ($root) {
  const data = JSON.parse($root.querySelector('.js-quiz-data').textContent)
  const $static = $root.querySelector('.js-quiz-static')
  const $safetyTemplate = $root.querySelector('.js-quiz-safety')
  const total = data.questions.length
  const answers = {}
  let current = 0

  const $status = el('p', { className: 'visually-hidden', attrs: { role: 'status', 'aria-live': 'polite' } })
  const $form = el('form', { className: 'quiz-form', attrs: { novalidate: '' } })
  const $result = el('section', { className: 'quiz-result', attrs: { 'aria-labelledby': 'quiz-result-title' } })
  $result.hidden = true
  $static.hidden = true
  $root.append($form, $result, $status)

  function showQuestion (index, focus) {
    current = index
    const question = data.questions[index]
    const $heading = el('h2', { className: 'quiz-question__title', text: question.text, attrs: { tabindex: '-1', id: 'quiz-question-title' } })
    const $options = el('ul', { className: 'quiz-options' }, question.answers.map((answer, n) => {
      const $input = el('input', { attrs: { type: 'radio', name: 'answer', value: answer.id, id: `quiz-answer-${n}` } })
      $input.checked = answers[question.id] === answer.id
      return el('li', {}, [el('label', { className: 'quiz-option', attrs: { for: `quiz-answer-${n}` } }, [$input, el('span', { text: answer.text })])])
    }))
    const $error = el('p', { className: 'quiz-error', text: 'Choose an answer to go on.', attrs: { id: 'quiz-error' } })
    $error.hidden = true
    const $back = el('button', { className: 'button', text: 'Back', attrs: { type: 'button' } })
    $back.hidden = index === 0
    $back.addEventListener('click', () => showQuestion(index - 1, true))
    const $next = el('button', { className: 'button button--primary', text: index === total - 1 ? 'See our result' : 'Next', attrs: { type: 'submit' } })
    $form.replaceChildren(
      el('p', { className: 'quiz-progress', text: `${index + 1} of ${total}`, attrs: { id: 'quiz-progress' } }),
      el('fieldset', { className: 'quiz-question', attrs: { 'aria-describedby': 'quiz-progress' } }, [
        el('legend', {}, [$heading]),
        ...(question.hint ? [el('p', { className: 'hint', text: question.hint })] : []),
        $options
      ]),
      $error,
      el('div', { className: 'quiz-actions' }, [$back, $next])
    )
    $form.hidden = false
    $result.hidden = true
    if (focus) $heading.focus()
  }

  $form.addEventListener('submit', (event) => {
    event.preventDefault()
    const $chosen = $form.querySelector('input[name="answer"]:checked')
    const $error = $form.querySelector('.quiz-error')
    if (!$chosen) {
      $error.hidden = false
      $form.querySelector('input[name="answer"]').focus()
      return
    }
    answers[data.questions[current].id] = $chosen.value
    if (current < total - 1) showQuestion(current + 1, true)
    else showResult(true)
  })

  function themeSection (slug) {
    const theme = data.themes.find((t) => t.slug === slug)
    return el('li', { className: 'result-theme' }, [
      el('h3', { text: theme.name }),
      el('p', { text: theme.result }),
      el('p', {}, [el('a', { text: `More about ${theme.name.toLowerCase()}`, attrs: { href: theme.url } })])
    ])
  }

  function showResult (focus) {
    const result = quizResult(data, answers)
    const $title = el('h2', { text: 'Your result', attrs: { id: 'quiz-result-title', tabindex: '-1' } })
    const parts = [$title]
    if (result.safety) {
      parts.push($safetyTemplate.content.firstElementChild.cloneNode(true))
    } else {
      parts.push(
        el('p', { text: 'Where you seem most stuck right now:' }),
        el('ol', { className: 'result-themes' }, result.themes.map(themeSection)),
        el('div', { className: 'quiz-plan' }, [
          el('h3', { text: 'Our plan for this week' }),
          el('p', { text: 'Pick one or two of these to try together. Small steps count.' }),
          el('ol', { className: 'plan-list' }, result.tips.map(tipItem))
        ])
      )
      if (result.articles.length) {
        parts.push(el('h3', { text: 'Read next' }), el('ul', { className: 'link-list' }, result.articles.map((a) => el('li', {}, [el('a', { text: a.title, attrs: { href: a.url } })]))))
      }
    }
    const $print = el('button', { className: 'button', text: 'Print our plan', attrs: { type: 'button' } })
    $print.addEventListener('click', () => window.print())
    const $retake = el('button', { className: 'button', text: 'Retake the quiz', attrs: { type: 'button' } })
    $retake.addEventListener('click', retake)
    const $share = el('button', { className: 'button', text: 'Link to this result', attrs: { type: 'button' } })
    const $shareSlot = el('div', { className: 'quiz-share' })
    $share.addEventListener('click', () => showLink($shareSlot))
    parts.push(
      el('p', { className: 'hint', text: 'This quiz is for reflection, not a diagnosis.' }),
      // A safety result offers no link and no print: nothing that could be found later.
      el('div', { className: 'quiz-actions' }, result.safety ? [$retake] : [$print, $share, $retake]),
      ...(result.safety ? [] : [$shareSlot])
    )
    $result.replaceChildren(...parts)
    $form.hidden = true
    $result.hidden = false
    const names = result.themes.map((slug) => data.themes.find((t) => t.slug === slug).name)
    $status.textContent = result.safety ? 'Your result is ready: your safety comes first.' : `Your result is ready: ${names.join(', ')}.`
    if (focus) $title.focus()
  }

  function showLink ($slot) {
    const url = new URL(encodeAnswers(data, answers), window.location.href).href
    const $field = el('input', { className: 'quiz-share__url', attrs: { type: 'text', readonly: '', id: 'quiz-share-url', value: url } })
    $slot.replaceChildren(
      el('label', { text: 'Your link (it holds your answers, so share it only with someone you trust):', attrs: { for: 'quiz-share-url' } }),
      $field
    )
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
