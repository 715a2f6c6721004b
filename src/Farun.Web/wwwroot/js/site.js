// Large-text switch: remembered per device, applied before paint by the inline script in the layout.
(function () {
    var button = document.getElementById('large-text-toggle');
    if (!button) return;
    var root = document.documentElement;
    function sync() { button.setAttribute('aria-pressed', root.classList.contains('large-text') ? 'true' : 'false'); }
    sync();
    button.addEventListener('click', function () {
        root.classList.toggle('large-text');
        localStorage.setItem('farun.largeText', root.classList.contains('large-text') ? '1' : '0');
        sync();
    });
})();
