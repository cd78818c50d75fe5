// antd's DatePicker (and DatePicker.RangePicker) with "today" as Beijing sees it. antd draws
// the today cell and fills the 今天 button from its date library's getNow, which reads the
// browser's clock in the browser's time zone: a browser abroad, or on UTC before 08:00, would
// mark yesterday. Built as antd documents for another date library (DatePicker.generatePicker,
// "Use custom date library"): its own dayjs config, with getNow read on Beijing's clock.
// Import DatePicker from here, never from antd (biome.json refuses the latter in web/src).
import type { GenerateConfig } from '@rc-component/picker/generate';
import dayjsGenerateConfig from '@rc-component/picker/generate/dayjs';
import { DatePicker as AntDatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { beijingNowDayjs } from './beijing-time.ts';

const beijingGenerateConfig: GenerateConfig<Dayjs> = { ...dayjsGenerateConfig, getNow: () => beijingNowDayjs() };

export const DatePicker = AntDatePicker.generatePicker<Dayjs>(beijingGenerateConfig);
