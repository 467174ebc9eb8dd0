import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { problems } from '../common/problem';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest, Role } from './auth.types';
import { ROLES_KEY } from './roles.decorator';

/**
 * Global guard: reads the bearer token when there is one; on routes marked with @Roles it
 * requires a signed-in user with one of those roles. Whether a resource belongs to the user's
 * jurisdiction is decided by its service, which answers 404 for anyone else's.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Bearer ')) {
      const user = await this.auth.resolveToken(header.slice(7).trim());
      if (user) request.user = user;
      else if (required)
        throw problems.unauthorized(
          'The session is unknown, expired or revoked; sign in again.',
          'session_invalid',
        );
    }
    if (!required) return true;
    if (!request.user) throw problems.unauthorized();
    if (!required.some((role) => request.user!.roles.includes(role))) {
      throw problems.forbidden('role_required', `This needs one of the roles: ${required.join(', ')}.`);
    }
    return true;
  }
}
