import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@standpoint/audit';
import { BrandHooks } from './brand-hooks';
import { BrandEntity } from './brand.entity';
import { BrandsService } from './brands.service';
import { DemoSeeder } from './demo-seeder';
import { MembersService } from './members.service';
import { MembershipEntity } from './membership.entity';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

/** Users, brands, memberships and roles: the services every process may use. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, BrandEntity, MembershipEntity]), AuditModule],
  providers: [BrandHooks, BrandsService, DemoSeeder, MembersService, PasswordHasher, UsersService],
  exports: [BrandHooks, BrandsService, DemoSeeder, MembersService, PasswordHasher, UsersService],
})
export class IdentityModule {}
