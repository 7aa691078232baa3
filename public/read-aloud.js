// @ts-check
// 朗读: reads the article aloud in zh-CN with the browser's speech synthesis, with pause and stop.
// The controls stay hidden where the browser has no Chinese voice.
(function () {
  var box = /** @type {HTMLElement} */ (document.querySelector('[data-read-aloud]'));
  var synth = window.speechSynthesis;
  if (!box || !synth || typeof SpeechSynthesisUtterance === 'undefined') return;
  // ReadAloud.astro renders all three buttons.
  var startButton = /** @type {HTMLElement} */ (box.querySelector('[data-action="start"]'));
  var pauseButton = /** @type {HTMLElement} */ (box.querySelector('[data-action="pause"]'));
  var stopButton = /** @type {HTMLElement} */ (box.querySelector('[data-action="stop"]'));
  /** @type {SpeechSynthesisVoice | null} */
  var voice = null;
  /** @type {string[]} */
  var queue = [];
  var paused = false;
  // Cancelling fires "end" on the old utterances: each reading has its own number.
  var reading = 0;

  function findVoice() {
    var voices = synth.getVoices();
    var zh = voices.filter(function (v) {
      return /^zh[-_](CN|Hans)/i.test(v.lang) || v.lang === 'zh';
    });
    voice = zh[0] || null;
    box.hidden = !voice;
  }

  // Long utterances stop after about 15 seconds in some browsers: speak sentence by sentence.
  /** @param {string} text */
  function sentences(text) {
    var parts = text.replace(/\s+/g, ' ').split(/(?<=[。！？；!?;])/);
    var chunks = [];
    var chunk = '';
    for (var i = 0; i < parts.length; i++) {
      if ((chunk + parts[i]).length > 120 && chunk) {
        chunks.push(chunk);
        chunk = '';
      }
      chunk += parts[i];
    }
    if (chunk.trim()) chunks.push(chunk);
    return chunks;
  }

  /** @param {boolean} speaking */
  function show(speaking) {
    startButton.hidden = speaking;
    pauseButton.hidden = !speaking;
    stopButton.hidden = !speaking;
    paused = false;
    pauseButton.textContent = pauseButton.getAttribute('data-pause');
  }

  /** @param {number} id */
  function next(id) {
    if (id !== reading) return;
    var text = queue.shift();
    if (text === undefined) {
      show(false);
      return;
    }
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.voice = voice;
    utterance.rate = 0.9;
    utterance.onend = function () {
      next(id);
    };
    synth.speak(utterance);
  }

  function stop() {
    reading += 1;
    queue = [];
    synth.cancel();
    show(false);
  }

  startButton.addEventListener('click', function () {
    var target = document.querySelector(
      /** @type {string} */ (box.getAttribute('data-read-aloud')),
    );
    if (!target) return;
    synth.cancel();
    // Read what the page shows, without the controls themselves.
    var copy = /** @type {Element} */ (target.cloneNode(true));
    var skip = copy.querySelectorAll('[data-read-aloud], .visually-hidden, [hidden]');
    for (var i = 0; i < skip.length; i++) /** @type {Element} */ (skip[i]).remove();
    reading += 1;
    queue = sentences(copy.textContent || '');
    show(true);
    pauseButton.focus();
    next(reading);
  });
  pauseButton.addEventListener('click', function () {
    paused = !paused;
    if (paused) synth.pause();
    else synth.resume();
    pauseButton.textContent = pauseButton.getAttribute(paused ? 'data-resume' : 'data-pause');
  });
  stopButton.addEventListener('click', function () {
    stop();
    startButton.focus();
  });
  window.addEventListener('pagehide', stop);

  findVoice();
  if (!voice && 'onvoiceschanged' in synth) synth.addEventListener('voiceschanged', findVoice);
})();
