// Procedure guides: the result page's print button (the page prints fine without it, from the browser menu).
(function () {
    document.querySelectorAll('.js-print').forEach(function (b) {
        b.hidden = false;
        b.addEventListener('click', function () { window.print(); });
    });
})();
