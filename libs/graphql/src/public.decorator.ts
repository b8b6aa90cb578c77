import { SetMetadata } from '@nestjs/common';

export const PUBLIC_OPERATION = 'standpoint:public';

/** Marks an operation that needs no signed-in user (login). Everything else does. */
export const Public = () => SetMetadata(PUBLIC_OPERATION, true);
