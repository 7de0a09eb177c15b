import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n.ts';
import { App } from './App.tsx';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no element with id "root"');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
