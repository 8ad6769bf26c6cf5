export { badUserInput } from '../../common/errors';
