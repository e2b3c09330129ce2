/**
 * Live reload, for `invoke livereload` only (never in a built site): listens to the local
 * server's build events and reloads the page when a newer successful build is served.
 */
const source = new EventSource(new URL('events', import.meta.url))
let first = null

source.addEventListener('message', (event) => {
  if (first === null) first = event.data
  else if (event.data !== first) window.location.reload()
})
