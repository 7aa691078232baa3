import { Component, createElement } from 'react';

interface Props {
  value?: string;
  forID?: string;
  classNameWrapper: string;
  onChange(value: string): void;
  setActiveStyle(): void;
  setInactiveStyle(): void;
  entry?: { get(key: string): unknown };
}

const REQUIRED = '请填写“网址名”：新条目的文件名和网址由它生成，例如 zhuti-dangri';

/**
 * 网址名: asked only when an entry is created (it names the file); afterwards the file name is
 * shown instead, since renaming would break links already shared.
 */
export class UrlNameControl extends Component<Props> {
  // Decap calls isValid detached from the instance: arrow functions keep `this`.
  isNew = (): boolean => this.props.entry?.get('newRecord') !== false;

  isValid = () => {
    if (this.isNew() && !(this.props.value ?? '').trim()) {
      return { error: { type: 'CUSTOM', message: REQUIRED } };
    }
    return true;
  };

  override render() {
    const { forID, value, classNameWrapper, onChange, setActiveStyle, setInactiveStyle } =
      this.props;
    if (!this.isNew()) {
      const slug = String(this.props.entry?.get('slug') ?? '');
      return createElement(
        'p',
        { id: forID, className: classNameWrapper },
        `文件名：${slug}（已发布的条目不能改名）`,
      );
    }
    return createElement('input', {
      type: 'text',
      id: forID,
      className: classNameWrapper,
      value: value ?? '',
      autoComplete: 'off',
      spellCheck: false,
      onChange: (event: { target: { value: string } }) =>
        onChange(event.target.value.toLowerCase().replace(/\s+/g, '-')),
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
