import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CountryEntity } from './country.entity';
import { CurrencyEntity } from './currency.entity';
import { FulfillmentProviderEntity, PaymentProviderEntity } from './provider.entity';

/** A Medusa region: currency, taxes, countries and the providers a shopper there can use. */
@Entity('region')
export class RegionEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  currency_code!: string;

  @ManyToOne(() => CurrencyEntity)
  @JoinColumn({ name: 'currency_code', referencedColumnName: 'code' })
  currency?: CurrencyEntity;

  @Column('real')
  tax_rate!: number;

  @Column('text', { nullable: true })
  tax_code!: string | null;

  @Column('boolean', { default: true })
  gift_cards_taxable!: boolean;

  @Column('boolean', { default: true })
  automatic_taxes!: boolean;

  @Column('boolean', { default: false })
  includes_tax!: boolean;

  @Column('text', { nullable: true })
  tax_provider_id!: string | null;

  @Column('jsonb', { nullable: true })
  metadata!: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  created_at!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updated_at!: Date;

  @DeleteDateColumn({ type: 'timestamptz' })
  deleted_at!: Date | null;

  @OneToMany(() => CountryEntity, (country) => country.region)
  countries!: CountryEntity[];

  @ManyToMany(() => PaymentProviderEntity)
  @JoinTable({
    name: 'region_payment_providers',
    joinColumn: { name: 'region_id' },
    inverseJoinColumn: { name: 'provider_id' },
  })
  payment_providers!: PaymentProviderEntity[];

  @ManyToMany(() => FulfillmentProviderEntity)
  @JoinTable({
    name: 'region_fulfillment_providers',
    joinColumn: { name: 'region_id' },
    inverseJoinColumn: { name: 'provider_id' },
  })
  fulfillment_providers!: FulfillmentProviderEntity[];
}
