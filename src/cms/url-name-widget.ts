import { Component, createElement } from 'react';
import { URL_NAME_MESSAGE, URL_NAME_PATTERN } from '../lib/file-name.ts';

interface EntryLike {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
}

interface Props {
  value?: string;
  forID?: string;
  classNameWrapper: string;
  onChange(value: string): void;
  setActiveStyle(): void;
  setInactiveStyle(): void;
  entry?: EntryLike;
  getEntry?: () => EntryLike | undefined;
}

const NO_TITLE =
  '请先填写标题（或姓名）：网址名会按它的拼音自动生成，也可以自己填写，例如 zhuti-dangri';

type Generate = (title: string) => string;
let generate: Generate | undefined;
/** pinyin-pro is large: loaded only when a new entry is opened. */
const loadGenerator = () =>
  import('../lib/url-name.ts').then((m) => {
    generate = m.urlNameFromTitle;
    return generate;
  });

/**
 * 网址名: asked only when an entry is created (it names the file), and optional: left empty, it
 * follows the title in pinyin (十二月主题党日安排 → shieryue-zhuti-dangri-anpai). Afterwards the
 * file name is shown instead, since renaming would break links already shared.
 */
export class UrlNameControl extends Component<Props> {
  /** True once the secretary typed a name of their own. */
  typed = Boolean(this.props.value);
  timer: ReturnType<typeof setInterval> | undefined;

  // Decap calls isValid detached from the instance: arrow functions keep `this`.
  isNew = (): boolean => this.props.entry?.get('newRecord') !== false;

  live = (): EntryLike | undefined => this.props.getEntry?.() ?? this.props.entry;

  /** The name the title gives, or '' while there is no title (or pinyin is still loading). */
  fromTitle = (): string => {
    const data = this.live();
    const title = data?.getIn(['data', 'title']) ?? data?.getIn(['data', 'name']);
    return typeof title === 'string' && generate ? generate(title) : '';
  };

  hasTitle = (): boolean => {
    const data = this.live();
    const title = data?.getIn(['data', 'title']) ?? data?.getIn(['data', 'name']);
    return typeof title === 'string' && title.trim() !== '';
  };

  /** Keeps an untyped 网址名 in step with the title, so the box shows what the file will be called. */
  follow = () => {
    if (this.typed || !this.isNew()) return;
    const name = this.fromTitle();
    if (name && name !== this.props.value) this.props.onChange(name);
  };

  override componentDidMount() {
    if (!this.isNew()) return;
    void loadGenerator().then(this.follow);
    // Decap does not re-render a widget when another field changes: look at the title now and then.
    this.timer = setInterval(this.follow, 800);
  }

  override componentWillUnmount() {
    clearInterval(this.timer);
  }

  isValid = () => {
    if (!this.isNew()) return true;
    let value = (this.props.value ?? '').trim();
    if (!value) {
      // Decap validates before it saves: a name filled in here is the one saved.
      value = this.fromTitle();
      if (value) this.props.onChange(value);
    }
    // Without a title the 标题 field says what is missing; the name follows once it is there.
    if (!value) return this.hasTitle() ? { error: { type: 'CUSTOM', message: NO_TITLE } } : true;
    return URL_NAME_PATTERN.test(value)
      ? true
      : {
          error: {
            type: 'CUSTOM',
            message: URL_NAME_MESSAGE,
          },
        };
  };

  override render() {
    const { forID, value, classNameWrapper, onChange, setActiveStyle, setInactiveStyle } =
      this.props;
    if (!this.isNew()) {
      const slug = String((this.props.entry?.get('slug') as string | undefined) ?? '');
      return createElement(
        'p',
        { id: forID, className: classNameWrapper },
        `文件名：${slug}（保存过的条目不能改名）`,
      );
    }
    return createElement('input', {
      type: 'text',
      id: forID,
      className: classNameWrapper,
      value: value ?? '',
      autoComplete: 'off',
      spellCheck: false,
      placeholder: '不填则按标题的拼音生成',
      onChange: (event: { target: { value: string } }) => {
        const next = event.target.value.toLowerCase().replace(/\s+/g, '-');
        this.typed = next !== '';
        onChange(next);
      },
      onFocus: setActiveStyle,
      onBlur: setInactiveStyle,
    });
  }
}

export const urlNameWidget = {
  name: 'url-name',
  controlComponent: UrlNameControl,
  previewComponent: () => null,
};
