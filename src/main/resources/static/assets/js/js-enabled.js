// As NHS.UK frontend's template does inline: mark the page as JavaScript-capable (kept in a file for the CSP).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');
