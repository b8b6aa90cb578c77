import { Module } from '@nestjs/common';
import { TeamsModule } from './teams.module';
import { TeamsResolver } from './teams.resolver';

/** The Teams workflow as the API serves it. */
@Module({ imports: [TeamsModule], providers: [TeamsResolver] })
export class TeamsApiModule {}
