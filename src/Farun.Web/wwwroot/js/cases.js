// Case screens: Ctrl+Enter (or Cmd+Enter) submits the form from a text box, so a hotline agent never needs the mouse.
(function () {
    document.addEventListener('keydown', function (e) {
        if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
        var target = e.target;
        if (!target || !target.form) return;
        e.preventDefault();
        if (typeof target.form.requestSubmit === 'function') target.form.requestSubmit(); else target.form.submit();
    });
    // An action opened with its Alt+digit key puts the cursor in its first field.
    document.querySelectorAll('details.action').forEach(function (d) {
        d.addEventListener('toggle', function () {
            if (!d.open) return;
            var first = d.querySelector('input:not([type=hidden]), select, textarea, button');
            if (first) first.focus();
        });
    });
    // Keep the first invalid field in view after a refused post.
    var invalid = document.querySelector('[aria-invalid=true]');
    if (invalid) invalid.focus();
})();
