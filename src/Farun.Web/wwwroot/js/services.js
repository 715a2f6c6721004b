// Print buttons on document pages (no inline script: the CSP allows only nonced or same-origin scripts).
document.querySelectorAll('[data-print]').forEach(b => b.addEventListener('click', () => window.print()));
