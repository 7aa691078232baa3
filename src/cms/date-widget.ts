import { Component, createElement as h } from 'react';
import { implausibleDate, parseTypedDate } from '../lib/typed-date.ts';
import { formatDate } from '../lib/format-date.ts';

interface Props {
  value?: unknown;
  forID?: string;
  classNameWrapper: string;
  field: { get(key: string): unknown };
  onChange(value: string): void;
  setActiveStyle(): void;
  setInactiveStyle(): void;
}

interface State {
  text: string;
}

/** Today in China (UTC+8), YYYY-MM-DD. */
function todayInChina(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A value as Decap hands it over: the YAML string, or a Date for an unquoted date. */
function asText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value : '';
}

/**
 * 日期: a plain text box that keeps exactly what is typed (2026-12-01, 2026年12月1日,
 * 20261201…) and saves YYYY-MM-DD once it is a real date. Decap's date input re-rendered on every
 * keystroke and turned a year typed digit by digit into 1906.
 */
export class DateControl extends Component<Props, State> {
  override state: State = { text: asText(this.props.value) };

  override componentDidUpdate(previous: Props) {
    const value = asText(this.props.value);
    if (value !== asText(previous.value) && value !== parseTypedDate(this.state.text))
      this.setState({ text: value });
  }

  label = (): string => String((this.props.field.get('label') as string | undefined) ?? '日期');

  // Decap calls isValid detached from the instance: arrow functions keep `this`.
  isValid = () => {
    const text = this.state.text.trim();
    if (text === '' || parseTypedDate(text)) return true;
    return {
      error: {
        type: 'CUSTOM',
        message: `“${this.label()}”应先写年、再写月和日，例如 2026-03-15 或 2026年3月15日，而且是真实存在的日期`,
      },
    };
  };

  set = (text: string) => {
    this.setState({ text });
    this.props.onChange(parseTypedDate(text) ?? text);
  };

  override render() {
    const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const iso = parseTypedDate(this.state.text);
    const odd = iso && implausibleDate(iso, todayInChina());
    const statusId = `${forID ?? 'date'}-reading`;
    const status = !this.state.text.trim()
      ? '先写年，再写月和日，例如 2026-03-15'
      : iso
        ? `${formatDate(iso)}${odd ? `。${odd}` : ''}`
        : '还不是完整的日期：请按 年-月-日 写，例如 2026-03-15';
    return h(
      'div',
      { className: classNameWrapper },
      h(
        'div',
        { style: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' } },
        h('input', {
          type: 'text',
          id: forID,
          value: this.state.text,
          inputMode: 'numeric',
          autoComplete: 'off',
          placeholder: '例如 2026-03-15',
          'aria-describedby': statusId,
          style: { fontSize: '16px', padding: '6px 8px', width: '14em', maxWidth: '100%' },
          onChange: (event: { target: { value: string } }) => this.set(event.target.value),
          onFocus: setActiveStyle,
          onBlur: setInactiveStyle,
        }),
        h(
          'button',
          {
            type: 'button',
            style: { fontSize: '15px', padding: '6px 12px', cursor: 'pointer' },
            onClick: () => this.set(todayInChina()),
          },
          '今天',
        ),
      ),
      h(
        'p',
        {
          id: statusId,
          'data-date-reading': iso ?? '',
          style: { margin: '6px 0 0', fontSize: '14px', color: odd ? '#8a4b00' : '#4a4a4a' },
        },
        status,
      ),
    );
  }
}

export const dateWidget = {
  name: 'date',
  controlComponent: DateControl,
  previewComponent: (props: { value?: unknown }) => {
    const iso = parseTypedDate(asText(props.value));
    return h('span', null, iso ? formatDate(iso) : asText(props.value));
  },
};
