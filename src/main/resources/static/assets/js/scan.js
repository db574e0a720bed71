// The scan page: a keyboard-wedge scanner types the bar code's data and presses Enter, which submits the form.
// Keep the input ready for the next scan (never clear it here: a fast scanner may already be typing), and submit
// once: a scanner's Enter can arrive twice.
const form = document.querySelector('.cartpath-scan-form');
if (form) {
  const input = form.querySelector('.cartpath-scan-input');
  if (document.activeElement !== input) {
    input.focus();
  }
  let sent = false;
  form.addEventListener('submit', (event) => {
    if (sent) {
      event.preventDefault();
      return;
    }
    sent = true;
  });
}
