// Activity form: the prefix shown before the label follows the chosen site.
(function () {
    document.querySelectorAll('select[data-prefix-target]').forEach(function (select) {
        var target = document.getElementById(select.getAttribute('data-prefix-target'));
        if (!target) {
            return;
        }
        select.addEventListener('change', function () {
            var option = select.options[select.selectedIndex];
            target.textContent = (option ? option.getAttribute('data-prefix') : '') + ' -';
        });
    });
})();
