import { ui } from '@/ui/strings';

/** The parts of the Web Speech API's recognition used here (Chrome still prefixes it). */
interface Recognition {
  lang: string;
  interimResults: boolean;
  maxAlternatives: number;
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  abort(): void;
}

interface RecognitionClass {
  new (): Recognition;
  /** Chrome 139+: whether a language can be recognised at all. */
  available?: (options: {
    langs: string[];
    processLocally?: boolean;
  }) => Promise<'available' | 'downloadable' | 'downloading' | 'unavailable'>;
}

/** Errors that mean this browser cannot do it, as opposed to "did not hear anything". */
const CANNOT = new Set([
  'not-allowed',
  'service-not-allowed',
  'language-not-supported',
  'network',
  'audio-capture',
]);

function recognitionClass(): RecognitionClass | undefined {
  const w = window as unknown as {
    SpeechRecognition?: RecognitionClass;
    webkitSpeechRecognition?: RecognitionClass;
  };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
}

async function offersChinese(Recognition: RecognitionClass): Promise<boolean> {
  if (!Recognition.available) return true;
  try {
    return (await Recognition.available({ langs: ['zh-CN'] })) !== 'unavailable';
  } catch {
    return false;
  }
}

/**
 * The 说话搜索 button: shown only where the browser offers Chinese speech recognition, and hidden
 * again (with a note) if the browser turns out not to manage it. What is heard becomes the query.
 */
export function setUpVoice(button: HTMLButtonElement, onText: (text: string) => void): void {
  const Recognition = recognitionClass();
  // Says whether the check has run, for anyone (a test) waiting on it.
  const settle = (offered: boolean) => {
    button.hidden = !offered;
    button.dataset['voice'] = offered ? 'on' : 'off';
  };
  if (!Recognition) {
    settle(false);
    return;
  }
  const note = button.parentElement?.querySelector<HTMLElement>('.search-box__voice-note');
  let listening: Recognition | undefined;

  const say = (text: string) => {
    if (note) note.textContent = text;
  };
  const stopped = () => {
    listening = undefined;
    button.textContent = ui.search.voice.start;
  };

  button.addEventListener('click', () => {
    if (listening) {
      listening.abort();
      stopped();
      return;
    }
    const recognition = new Recognition();
    recognition.lang = 'zh-CN';
    recognition.interimResults = false;
    recognition.maxAlternatives = 1;
    recognition.onresult = (event) => {
      const text = event.results[0]?.[0]?.transcript.trim() ?? '';
      say('');
      if (text) onText(text);
    };
    recognition.onerror = (event) => {
      if (CANNOT.has(event.error)) {
        settle(false);
        say(ui.search.voice.unavailable);
      } else say(ui.search.voice.failed);
    };
    recognition.onend = stopped;
    listening = recognition;
    button.textContent = ui.search.voice.stop;
    say(ui.search.voice.listening);
    try {
      recognition.start();
    } catch {
      stopped();
      say(ui.search.voice.failed);
    }
  });

  void offersChinese(Recognition).then(settle);
}
