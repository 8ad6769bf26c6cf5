// GraphiQL with the shipped example operations as its first tabs; everything is served by the gateway (no CDN).
(async () => {
  const examples = await fetch('/explorer/examples.json').then((response) => response.json());
  const root = document.getElementById('graphiql');
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const explorer = GraphiQLPluginExplorer.explorerPlugin();
  const tabs = examples.map((example) => ({ query: `# ${example.description}\n${example.query}\n`, variables: example.variables }));
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher,
      plugins: [explorer],
      defaultTabs: tabs,
      defaultEditorToolsVisibility: 'variables',
    }),
  );
})();
