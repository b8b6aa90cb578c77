import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@standpoint/audit';
import { BrandEntity } from './brand.entity';
import { BrandsService } from './brands.service';
import { DeactivationService } from './deactivation.service';
import { DemoSeeder } from './demo-seeder';
import { PasswordLinksService } from './password-links.service';
import { PasswordResetQueue } from './password-reset-queue';
import { PasswordStrength } from './password-strength';
import { SessionsService } from './sessions.service';
import { MembersService } from './members.service';
import { MembershipEntity } from './membership.entity';
import { PasswordHasher } from './password-hasher';
import { PasswordLinkTokenEntity } from './password-link-token.entity';
import { PasswordLinkEntity } from './password-link.entity';
import { PasswordResetRequestEntity } from './password-reset-request.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

const SERVICES = [
  BrandsService,
  DeactivationService,
  DemoSeeder,
  MembersService,
  PasswordHasher,
  PasswordLinksService,
  PasswordResetQueue,
  PasswordStrength,
  SessionsService,
  UsersService,
];

/** Users, brands, memberships and roles: the services every process may use. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      UserEntity,
      BrandEntity,
      MembershipEntity,
      SessionEntity,
      PasswordLinkEntity,
      PasswordLinkTokenEntity,
      PasswordResetRequestEntity,
    ]),
    AuditModule,
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class IdentityModule {}
