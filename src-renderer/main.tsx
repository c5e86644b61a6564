import React from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import 'dayjs/locale/zh-cn';
import { DateInput, DatePickerInput, DatesProvider } from '@mantine/dates';
import { DATE_FORMAT, dateParser } from './components/DateField';
import { App } from './App';

const theme = createTheme({
  primaryColor: 'red',
  fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif',
  // Any date box, even one not built through components/DateField, shows 2026年12月1日 and reads what a clerk types.
  components: {
    DateInput: DateInput.extend({ defaultProps: { valueFormat: DATE_FORMAT, dateParser } }),
    DatePickerInput: DatePickerInput.extend({ defaultProps: { valueFormat: DATE_FORMAT } }),
  },
});

createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
        <Notifications position="top-right" />
        <App />
      </DatesProvider>
    </MantineProvider>
  </React.StrictMode>,
);
