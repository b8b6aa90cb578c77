import { registerEnumType } from '@nestjs/graphql';
import { Role } from '../role';

registerEnumType(Role, { name: 'Role' });

export { Role };
