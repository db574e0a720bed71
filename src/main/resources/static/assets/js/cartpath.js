import { initAll } from '/assets/nhsuk/nhsuk-frontend.min.js';

initAll();

// htmx requests carry the CSRF token of the page, like the forms do.
document.body.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Buttons that ask before acting (revoking a token, resetting a password) say so in data-confirm.
document.addEventListener('submit', (event) => {
  const message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
