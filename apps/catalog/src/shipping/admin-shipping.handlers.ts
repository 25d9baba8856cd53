import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AdminListShippingOptionsQuery,
  AdminShippingOptionList,
  CatalogCommands,
  CreateShippingOptionRequest,
  CreateShippingProfileRequest,
  DeletedReply,
  PricedShippingOption,
  ShippingOptionReply,
  ShippingProfile,
  ShippingProfileReply,
  ShippingRef,
  UpdateShippingOptionRequest,
  UpdateShippingProfileRequest,
} from '@app/contracts';
import { DomainError, Idempotency, PreparedStatements } from '@app/platform';
import { adminShippingOptionByIdQuery, adminShippingOptionListQuery } from './shipping-option.sql';
import { ShippingOptionWrites } from './shipping-option-writes.service';
import { ShippingProfileWrites } from './shipping-profile-writes.service';
import { profileByIdQuery, PROFILES_QUERY } from './shipping-profile.sql';

/** The merchant's shipping options and profiles: reads, and writes once per Idempotency-Key. */
@Controller()
export class AdminShippingHandlers {
  constructor(
    private readonly writes: ShippingOptionWrites,
    private readonly profiles: ShippingProfileWrites,
    private readonly idempotency: Idempotency,
    private readonly db: PreparedStatements,
  ) {}

  @MessagePattern(CatalogCommands.adminListShippingOptions.subject)
  async list(@Payload() query: AdminListShippingOptionsQuery): Promise<AdminShippingOptionList> {
    const rows = await this.db.rows<{ option: PricedShippingOption }>(adminShippingOptionListQuery(query));
    // Medusa pages this list in name only: every option, with the page fields it answers.
    return {
      shipping_options: rows.map((row) => row.option),
      count: rows.length,
      offset: 0,
      limit: rows.length,
    };
  }

  @MessagePattern(CatalogCommands.adminGetShippingOption.subject)
  async get(@Payload() ref: ShippingRef): Promise<ShippingOptionReply> {
    const [row] = await this.db.rows<{ option: PricedShippingOption }>(adminShippingOptionByIdQuery(ref.id));
    if (!row) throw DomainError.notFound(`Shipping option with id: ${ref.id} was not found`);
    return { shipping_option: row.option };
  }

  @MessagePattern(CatalogCommands.createShippingOption.subject)
  create(@Payload() request: CreateShippingOptionRequest): Promise<ShippingOptionReply> {
    return this.idempotency.run(CatalogCommands.createShippingOption.subject, request, async (manager) => ({
      shipping_option: await this.writes.create(manager, request),
    }));
  }

  @MessagePattern(CatalogCommands.updateShippingOption.subject)
  update(@Payload() request: UpdateShippingOptionRequest): Promise<ShippingOptionReply> {
    return this.idempotency.run(CatalogCommands.updateShippingOption.subject, request, async (manager) => ({
      shipping_option: await this.writes.update(manager, request),
    }));
  }

  @MessagePattern(CatalogCommands.deleteShippingOption.subject)
  delete(@Payload() ref: ShippingRef): Promise<DeletedReply> {
    return this.idempotency.run(CatalogCommands.deleteShippingOption.subject, ref, (manager) =>
      this.writes.delete(manager, ref.id),
    );
  }

  @MessagePattern(CatalogCommands.listShippingProfiles.subject)
  async listProfiles(): Promise<{ shipping_profiles: ShippingProfile[] }> {
    const rows = await this.db.rows<{ profile: ShippingProfile }>(PROFILES_QUERY);
    return { shipping_profiles: rows.map((row) => row.profile) };
  }

  @MessagePattern(CatalogCommands.getShippingProfile.subject)
  async getProfile(@Payload() ref: ShippingRef): Promise<ShippingProfileReply> {
    const [row] = await this.db.rows<{ profile: ShippingProfile }>(profileByIdQuery(ref.id));
    if (!row) throw DomainError.notFound(`Profile with id: ${ref.id} was not found`);
    return { shipping_profile: row.profile };
  }

  @MessagePattern(CatalogCommands.createShippingProfile.subject)
  createProfile(@Payload() request: CreateShippingProfileRequest): Promise<ShippingProfileReply> {
    return this.idempotency.run(CatalogCommands.createShippingProfile.subject, request, async (manager) => ({
      shipping_profile: await this.profiles.create(manager, request),
    }));
  }

  @MessagePattern(CatalogCommands.updateShippingProfile.subject)
  updateProfile(@Payload() request: UpdateShippingProfileRequest): Promise<ShippingProfileReply> {
    return this.idempotency.run(CatalogCommands.updateShippingProfile.subject, request, async (manager) => ({
      shipping_profile: await this.profiles.update(manager, request),
    }));
  }

  @MessagePattern(CatalogCommands.deleteShippingProfile.subject)
  deleteProfile(@Payload() ref: ShippingRef): Promise<DeletedReply> {
    return this.idempotency.run(CatalogCommands.deleteShippingProfile.subject, ref, (manager) =>
      this.profiles.delete(manager, ref.id),
    );
  }
}
