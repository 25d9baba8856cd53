/**
 * Fixed ids of the demo store, so that every app seeds and refers to the same records.
 */
export const DemoRegionIds = {
  europe: 'reg_01KDVDNA00GK8MC491TS8HF3WJ',
  china: 'reg_01KDVDNA01PA5ZM8JBY86VDZD9',
} as const;
