import 'reflect-metadata';
import { runMain, startSubgraph } from '../shared/start-subgraph';
import { definition } from './definition';

runMain(() => startSubgraph(definition));
