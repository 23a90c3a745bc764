import { mount } from 'svelte'
import 'vis-timeline/styles/vis-timeline-graph2d.css'
import './app.css'
import App from './App.svelte'

const target = document.getElementById('app')
if (!target) throw new Error('The page has no #app element.')

export default mount(App, { target })
