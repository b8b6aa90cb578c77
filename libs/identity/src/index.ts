// The identity feature's public surface; other features import only from here.
export * from './access-policy';
export * from './brand-access';
export * from './brand-hooks';
export * from './brand.entity';
export * from './brands.service';
export * from './demo-seeder';
export * from './identity-api.module';
export * from './identity.module';
export * from './membership.entity';
export * from './members.service';
export * from './models/brand.model';
export * from './models/membership.model';
export * from './models/user.model';
export * from './role';
export * from './user.entity';
export * from './users.service';
