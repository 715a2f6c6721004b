// Kiosk: clears itself after a period without a touch or key press, so nothing of one person is left for the next.
(function () {
    var body = document.body;
    var seconds = parseInt(body.getAttribute('data-idle-seconds') || '90', 10);
    var start = body.getAttribute('data-start') || '/kiosk';
    var warning = document.getElementById('kiosk-idle-warning');
    var warnBefore = Math.min(10, Math.floor(seconds / 3));
    var timer = null;
    var warnTimer = null;

    // Every kiosk page replaces its own history entry with the start screen: the back button never shows an earlier conversation.
    if (window.history && history.replaceState) history.replaceState(null, '', start);

    function reset() {
        document.querySelectorAll('textarea, input[type=text]').forEach(function (el) { el.value = ''; });
        document.querySelectorAll('.conversation, .slip, #handoff').forEach(function (el) { el.remove(); });
        window.location.replace(start + (start.indexOf('?') < 0 ? '?' : '&') + 'reset=1');
    }

    function touch() {
        if (warning) warning.hidden = true;
        clearTimeout(timer);
        clearTimeout(warnTimer);
        if (warning && warnBefore > 0) {
            warnTimer = setTimeout(function () { warning.hidden = false; }, (seconds - warnBefore) * 1000);
        }
        timer = setTimeout(reset, seconds * 1000);
    }

    // Full screen from the first touch (browsers allow it only after a user gesture; a terminal started with
    // chromium --kiosk is full screen already).
    function fullScreen() {
        var el = document.documentElement;
        if (document.fullscreenEnabled && !document.fullscreenElement && el.requestFullscreen) {
            el.requestFullscreen().catch(function () { });
        }
    }
    window.addEventListener('pointerdown', fullScreen, { passive: true });

    ['pointerdown', 'keydown', 'touchstart', 'input', 'scroll'].forEach(function (name) {
        window.addEventListener(name, touch, { passive: true });
    });
    document.querySelectorAll('[data-print]').forEach(function (b) { b.addEventListener('click', function () { window.print(); }); });
    touch();
})();
