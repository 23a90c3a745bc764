import { mount } from 'svelte'
import 'vis-timeline/styles/vis-timeline-graph2d.css'
import './app.css'
// The store is checked before the main screen exists (components/startup/Startup.svelte).
import Startup from './components/startup/Startup.svelte'

const target = document.getElementById('app')
if (!target) throw new Error('The page has no #app element.')

export default mount(Startup, { target })
