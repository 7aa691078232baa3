// @ts-check
// Reading aids: text size and high contrast, remembered in localStorage.
// Loaded as a blocking script in <head> so the reader's choice applies before the first paint.
(function () {
  var root = document.documentElement;
  var SIZE_KEY = 'reading-aids:text-size';
  var CONTRAST_KEY = 'reading-aids:contrast';
  var SIZES = ['standard', 'large', 'xlarge'];

  /** @param {string} key */
  function read(key) {
    try {
      return localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }
  /** @param {string} key @param {string} value */
  function write(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch (e) {
      // Private mode: the choice still holds for this page.
    }
  }
  /** @param {string | null} size @param {string | null} contrast */
  function apply(size, contrast) {
    if (size === 'large' || size === 'xlarge') root.setAttribute('data-text-size', size);
    else root.removeAttribute('data-text-size');
    if (contrast === 'high') root.setAttribute('data-contrast', 'high');
    else root.removeAttribute('data-contrast');
  }
  function current() {
    return {
      size: root.getAttribute('data-text-size') || 'standard',
      contrast: root.getAttribute('data-contrast') || 'normal',
    };
  }
  function sync() {
    var state = current();
    var buttons = document.querySelectorAll('[data-reading-aid]');
    for (var i = 0; i < buttons.length; i++) {
      var button = /** @type {Element} */ (buttons[i]);
      var aid = button.getAttribute('data-reading-aid');
      var pressed = aid === 'contrast' ? state.contrast === 'high' : aid === 'size:' + state.size;
      button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
    }
  }

  apply(read(SIZE_KEY), read(CONTRAST_KEY));
  // The controls show only where this script runs: without it they would do nothing.
  root.classList.add('reading-aids-on');

  document.addEventListener('click', function (event) {
    var target = /** @type {Element | null} */ (event.target);
    var button = target && target.closest ? target.closest('[data-reading-aid]') : null;
    if (!button) return;
    var aid = /** @type {string} */ (button.getAttribute('data-reading-aid'));
    var state = current();
    if (aid === 'contrast') {
      state.contrast = state.contrast === 'high' ? 'normal' : 'high';
      write(CONTRAST_KEY, state.contrast);
    } else {
      var size = aid.slice(5);
      if (SIZES.indexOf(size) < 0) return;
      state.size = size;
      write(SIZE_KEY, size);
    }
    apply(state.size, state.contrast);
    sync();
  });
  document.addEventListener('DOMContentLoaded', sync);
  // Another tab changed the choice: follow it.
  window.addEventListener('storage', function () {
    apply(read(SIZE_KEY), read(CONTRAST_KEY));
    sync();
  });
})();
