import { useEffect, useState } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { formatChineseDate, parseDateInput, parseMonthInput } from '../../src-main/domain/dates';

/** How every date box shows its value, whatever the browser's locale (DatesProvider is zh-cn, main.tsx). */
export const DATE_FORMAT = 'YYYY年M月D日';

/** dayjs-free parser for Mantine: the clerk may type 2026年12月1日, 2026-12-01, 2026/12/1 or 20261201. */
export const dateParser = (raw: string) => parseDateInput(raw);

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'defaultValue'> & {
  /** YYYY-MM-DD or empty */
  value: string | null | undefined;
  /** YYYY-MM-DD, or '' when the box was emptied */
  onChange: (iso: string) => void;
};

/**
 * The app's date box. The value in and out is ISO (what IPC takes); the box shows 2026年12月1日.
 * The calendar opens on a click only, so a keyboard user types the date and Tab moves on, and a typed date never
 * leaves a dropdown over the next field or the save button.
 */
export function DateField({ value, onChange, onClick, onBlur, onKeyDown, popoverProps, ...rest }: DateFieldProps) {
  const [opened, setOpened] = useState(false);
  return (
    <DateInput
      placeholder="如 2026年12月1日"
      clearable={!rest.required}
      {...rest}
      value={value || null}
      valueFormat={DATE_FORMAT}
      dateParser={dateParser}
      onChange={(v) => { setOpened(false); onChange(v ?? ''); }}
      onClick={(e) => { setOpened(true); onClick?.(e); }}
      onBlur={(e) => { setOpened(false); onBlur?.(e); }}
      onKeyDown={(e) => { if (e.key === 'Escape' || e.key === 'Enter' || e.key === 'Tab') setOpened(false); onKeyDown?.(e); }}
      popoverProps={{ ...popoverProps, opened }}
    />
  );
}

type MonthFieldProps = Omit<TextInputProps, 'value' | 'onChange'> & { value: string | null | undefined; onChange: (month: string) => void };

/** A month box (YYYY-MM in and out) shown as 2026年12月; accepts 2026年12月, 2026-12, 2026/12, 202612. */
export function MonthField({ value, onChange, onBlur, error, ...rest }: MonthFieldProps) {
  const [text, setText] = useState(formatChineseDate(value));
  const [bad, setBad] = useState(false);
  useEffect(() => { setText(formatChineseDate(value)); }, [value]);
  return (
    <TextInput
      placeholder="如 2026年12月"
      {...rest}
      value={text}
      error={error ?? (bad ? '请输入年月，如 2026年12月' : undefined)}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        const m = parseMonthInput(t);
        setBad(false);
        if (m) onChange(m); else if (t.trim() === '') onChange('');
      }}
      onBlur={(e) => {
        const m = parseMonthInput(text);
        if (m) setText(formatChineseDate(m)); else setBad(text.trim() !== '');
        onBlur?.(e);
      }}
    />
  );
}
