// Progressive enhancement only: every page works without this script.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('govuk-frontend-supported');
initAll();

// htmx requests carry the CSRF token like the forms do.
document.body.addEventListener('htmx:configRequest', (event) => {
    const header = document.querySelector('meta[name="_csrf_header"]');
    const token = document.querySelector('meta[name="_csrf"]');
    if (header && token) {
        event.detail.headers[header.content] = token.content;
    }
});

// The area finder under a campaign's areas field: "Add" puts the area's NIS code into the field.
const showAreaButtons = () => document.querySelectorAll('.herald-add-area').forEach((b) => { b.hidden = false; });
document.body.addEventListener('htmx:afterSettle', showAreaButtons);
document.body.addEventListener('keydown', (event) => {
    // Enter in the finder searches; it must not submit the campaign form around it.
    if (event.key === 'Enter' && event.target.id === 'area-finder') {
        event.preventDefault();
    }
});
document.body.addEventListener('click', (event) => {
    const button = event.target.closest('.herald-add-area');
    const field = document.getElementById('areas');
    if (!button || !field) {
        return;
    }
    const codes = field.value.split(/[\s,;]+/).filter((c) => c.length > 0);
    if (!codes.includes(button.dataset.areaCode)) {
        codes.push(button.dataset.areaCode);
    }
    field.value = codes.join(' ');
    button.disabled = true;
});
