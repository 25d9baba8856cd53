import { DemoRegionIds } from '@app/contracts';

export const REGION_ID = { europe: DemoRegionIds.europe, china: DemoRegionIds.china } as const;

export { replaceLinks } from '../sql/row-writes';
