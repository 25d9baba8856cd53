import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An ISO 4217 currency, lower-case code. */
@Entity('currency')
export class CurrencyEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  symbol!: string;

  @Column('text')
  symbol_native!: string;

  @Column('text')
  name!: string;

  @Column('boolean', { default: false })
  includes_tax!: boolean;
}
