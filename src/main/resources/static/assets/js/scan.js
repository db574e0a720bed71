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

// Witnessing on this device: the witness scans each item into its own field. A scanner's Enter moves on to the next
// field instead of sending a half-filled form; Enter in the password field sends it.
const witness = document.querySelector('.cartpath-witness-form');
if (witness) {
  const fields = Array.from(witness.querySelectorAll('input:not([type=hidden])'));
  fields.forEach((field, index) => {
    if (!field.classList.contains('cartpath-witness-scan')) {
      return;
    }
    field.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        fields[index + 1]?.focus();
      }
    });
  });
}
